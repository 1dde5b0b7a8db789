# O(N^2): counts every out-of-order pair.
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
h = list(map(int, data[1:1 + n]))
swaps = 0
for i in range(n):
    hi = h[i]
    for j in range(i + 1, n):
        if hi > h[j]:
            swaps += 1
print(swaps)
