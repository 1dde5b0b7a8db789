"""Tests for lantern-sum: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(1_2026_01)


def solve(text):
    data = text.split()
    n, t = int(data[0]), int(data[1])
    festive = [int(x) for x in data[2:2 + n] if int(x) >= t]
    return f"{len(festive)} {sum(festive)}\n"


def case(name, n, t, values):
    text = f"{n} {t}\n{' '.join(map(str, values))}\n"
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(text))


MAX = 10**9
case("10-single-equal", 1, 5, [5])                     # boundary: equal counts
case("11-single-below", 1, 5, [4])
case("12-zero-threshold", 6, 0, [0, 0, 1, 0, 7, 0])    # everything festive, zeros included
case("13-max-threshold", 5, MAX, [MAX, MAX - 1, MAX, 0, 1])
case("14-all-at-threshold", 1000, 777, [777] * 1000)
case("15-random-small", 50, 500, [rng.randint(0, 1000) for _ in range(50)])
case("16-overflow-int32", 5, 1, [MAX] * 5)             # 5e9 overflows 32 bits
case("17-near-threshold", 2000, 1000, [rng.choice([999, 1000, 1001]) for _ in range(2000)])
case("20-max-all-festive", 200000, 0, [MAX] * 200000)  # 2e14
case("21-max-random", 200000, MAX // 2, [rng.randint(0, MAX) for _ in range(200000)])
case("22-max-none-festive", 200000, MAX, [rng.randint(0, MAX - 1) for _ in range(200000)])
