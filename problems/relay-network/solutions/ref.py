import heapq
import sys

values = list(map(int, sys.stdin.buffer.read().split()))
n = values[0]
out = [[] for _ in range(n + 1)]
for u, v, w in zip(values[2::3], values[3::3], values[4::3]):
    out[u].append((v, w))
dist = [-1] * (n + 1)
frontier = [(0, 1)]
while frontier:
    d, u = heapq.heappop(frontier)
    if dist[u] != -1:
        continue  # settled earlier with a shorter time
    dist[u] = d
    for v, w in out[u]:
        if dist[v] == -1:
            heapq.heappush(frontier, (d + w, v))
print(" ".join(map(str, dist[1:])))
