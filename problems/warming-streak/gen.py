"""Tests for warming-streak: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(4_2026_04)
LIM = 10**9


def solve(text):
    data = list(map(int, text.split()))
    t = data[1:1 + data[0]]
    best_len, best_start, start = 1, 0, 0
    for i in range(1, len(t)):
        if t[i] <= t[i - 1]:
            start = i
        if i - start + 1 > best_len:
            best_len, best_start = i - start + 1, start
    return f"{best_len} {best_start + 1}\n"


def case(name, t):
    text = f"{len(t)}\n{' '.join(map(str, t))}\n"
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(text))


case("10-one-day", [-LIM])
case("11-all-equal", [4] * 10)                       # >= instead of > would say 10
case("12-streak-at-end", [5, 4, 3, 1, 2, 3, 4])      # the streak runs to the last day
case("13-extremes", [-LIM, LIM, -LIM, 0, LIM])
case("14-tie-keeps-earliest", [1, 2, 3, 0, 1, 2, 0, 5, 6])
case("15-plateaus", [1, 2, 2, 3, 4, 4, 5, 6, 7, 7])
case("16-random-small", [rng.randint(-5, 5) for _ in range(60)])
case("17-whole-range-increasing", list(range(-LIM, -LIM + 1000)))
case("20-max-increasing", list(range(-100000, 100000)))
case("21-max-random", [rng.randint(-LIM, LIM) for _ in range(200000)])
case("22-max-sawtooth", [(i % 1000) * 1000 - 500000 for i in range(200000)])
