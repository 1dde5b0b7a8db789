# O(N^2): counts the boats present at every arrival minute.
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n = data[0]
stays = [(data[1 + 2 * i], data[2 + 2 * i]) for i in range(n)]
best = 0
for t, _ in stays:
    best = max(best, sum(1 for a, b in stays if a <= t < b))
print(best)
