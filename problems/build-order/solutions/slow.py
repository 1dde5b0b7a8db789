# O(N*(N+M)): repeatedly scans all steps for one whose rules are all satisfied.
import sys

values = list(map(int, sys.stdin.buffer.read().split()))
n = values[0]
before = [[] for _ in range(n + 1)]
for a, b in zip(values[2::2], values[3::2]):
    before[b].append(a)
done = [False] * (n + 1)
order = []
progress = True
while progress and len(order) < n:
    progress = False
    for step in range(1, n + 1):
        if not done[step] and all(done[a] for a in before[step]):
            done[step] = True
            order.append(step)
            progress = True
            break
print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")
