import sys

data = list(map(int, sys.stdin.buffer.read().split()))
length, m = data[0], data[1]
best = [-1] * (length + 1)  # best[x]: top price for exactly x cm, -1 if impossible
best[0] = 0
for j in range(m):
    p, c = data[2 + 2 * j], data[3 + 2 * j]
    for x in range(p, length + 1):
        prev = best[x - p]
        if prev >= 0 and prev + c > best[x]:
            best[x] = prev + c
print(best[length])
