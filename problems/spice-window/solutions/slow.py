# O(N^2): grows a window from every start.
import sys

data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
s = data[2:2 + n]
best = 0
for i in range(n):
    kinds = set()
    for j in range(i, n):
        kinds.add(s[j])
        if len(kinds) > k:
            break
        best = max(best, j - i + 1)
print(best)
