import sys

data = list(map(int, sys.stdin.buffer.read().split()))
d, v = data[1::2], data[2::2]
print(f"{sum(d) / sum(x / y for x, y in zip(d, v)):.9f}")
