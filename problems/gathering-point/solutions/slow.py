# O(N^2): the answer is the largest (x_i - x_j) / (v_i + v_j) over all pairs.
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n = data[0]
xs, vs = data[1::2], data[2::2]
best = 0.0
for i in range(n):
    for j in range(n):
        if xs[i] > xs[j]:
            best = max(best, (xs[i] - xs[j]) / (vs[i] + vs[j]))
print(f"{best:.9f}")
