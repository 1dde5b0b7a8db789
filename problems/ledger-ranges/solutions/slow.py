# O(N*Q): sums every range from scratch.
import sys

data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
a = list(map(int, data[2:2 + n]))
pos = 2 + n
out = []
for _ in range(q):
    l, r = int(data[pos]), int(data[pos + 1])
    pos += 2
    total = 0
    for i in range(l - 1, r):
        total += a[i]
    out.append(total)
print("\n".join(map(str, out)))
