"""Tests for build-order: python3 gen.py OUTDIR (deterministic).

Expected outputs hold one valid order (or IMPOSSIBLE); the custom checker accepts any valid order.
"""
import os
import random
import sys
from collections import deque

OUT = sys.argv[1]
rng = random.Random(16_2026_16)


def solve(n, rules):
    out = [[] for _ in range(n + 1)]
    indegree = [0] * (n + 1)
    for a, b in rules:
        out[a].append(b)
        indegree[b] += 1
    ready = deque(i for i in range(1, n + 1) if indegree[i] == 0)
    order = []
    while ready:
        step = ready.popleft()
        order.append(step)
        for nxt in out[step]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return " ".join(map(str, order)) + "\n" if len(order) == n else "IMPOSSIBLE\n"


def case(name, n, rules):
    text = f"{n} {len(rules)}\n" + "".join(f"{a} {b}\n" for a, b in rules)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(n, rules))


def acyclic(n, m):
    rank = list(range(1, n + 1))
    rng.shuffle(rank)  # a hidden valid order
    rules = []
    for _ in range(m):
        i, j = rng.randrange(n), rng.randrange(n)
        while i == j:
            j = rng.randrange(n)
        rules.append((rank[min(i, j)], rank[max(i, j)]))
    return rules


case("10-one-step", 1, [])
case("11-two-cycle", 2, [(1, 2), (2, 1)])
case("12-no-rules", 5, [])
case("13-repeated-rules", 3, [(3, 1), (3, 1), (1, 2), (3, 2)])
case("14-reverse-chain", 6, [(i + 1, i) for i in range(1, 6)])
case("15-random-small", 10, acyclic(10, 15))
case("16-cycle-hidden", 1000, acyclic(1000, 3000) + [(1000, 999), (999, 998), (998, 1000)])
case("20-max-chain", 200000, [(i, i + 1) for i in range(1, 200000)][::-1])
case("21-max-random-dag", 200000, acyclic(200000, 200000))
case("22-max-late-cycle", 200000, [(i, i + 1) for i in range(1, 200000)] + [(200000, 1)])
case("23-max-fan", 200000, [(1, i) for i in range(2, 200001)])
