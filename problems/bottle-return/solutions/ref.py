import sys

data = list(map(int, sys.stdin.buffer.read().split()))
out = []
for i in range(data[0]):
    n, k = data[2 * i + 1], data[2 * i + 2]
    out.append(n + (n - 1) // (k - 1))
print('\n'.join(map(str, out)))
