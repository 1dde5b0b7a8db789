import sys

values = list(map(int, sys.stdin.buffer.read().split()))
n = values[0]
after = [[] for _ in range(n + 1)]
waiting_on = [0] * (n + 1)
for a, b in zip(values[2::2], values[3::2]):
    after[a].append(b)
    waiting_on[b] += 1
order = [i for i in range(1, n + 1) if waiting_on[i] == 0]
for step in order:  # order doubles as the queue (Kahn); appending while iterating is intended
    for nxt in after[step]:
        waiting_on[nxt] -= 1
        if waiting_on[nxt] == 0:
            order.append(nxt)
print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")
