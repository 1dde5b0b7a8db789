"""Tests for dock-overlap: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(10_2026_10)
LIM = 10**9


def solve(stays):
    events = sorted([(a, 1) for a, _ in stays] + [(b, -1) for _, b in stays])  # -1 sorts first at equal times
    best = now = 0
    for _, delta in events:
        now += delta
        best = max(best, now)
    return best


def case(name, stays):
    text = f"{len(stays)}\n" + "".join(f"{a} {b}\n" for a, b in stays)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(f"{solve(stays)}\n")


def random_stays(n, horizon, max_len):
    out = []
    for _ in range(n):
        a = rng.randint(0, horizon - 1)
        out.append((a, min(horizon, a + rng.randint(1, max_len))))
    return out


case("10-one-boat", [(0, LIM)])
case("11-back-to-back", [(i, i + 1) for i in range(100)])          # touching stays never overlap: 1
case("12-identical", [(3, 4)] * 50)
case("13-nested", [(i, 200 - i) for i in range(100)])
case("14-touch-and-overlap", [(0, 5), (5, 10), (4, 6), (10, 11), (9, 10)])
case("15-random-small", random_stays(30, 50, 10))
case("16-extreme-times", [(0, LIM), (LIM - 1, LIM), (0, 1), (1, LIM)])
case("20-max-all-overlap", [(rng.randint(0, 1000), rng.randint(LIM - 1000, LIM)) for _ in range(200000)])
case("21-max-random", random_stays(200000, LIM, 10**7))
case("22-max-chain", [(i, i + 1) for i in range(200000)])          # 200000 touching stays: still 1
