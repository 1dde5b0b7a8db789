"""Tests for cyclist-average: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys
from fractions import Fraction

OUT = sys.argv[1]
rng = random.Random(7_2026_07)


def solve(text):
    data = list(map(int, text.split()))
    n = data[0]
    stages = [(data[1 + 2 * i], data[2 + 2 * i]) for i in range(n)]
    distance = sum(d for d, _ in stages)
    hours = sum(Fraction(d, v) for d, v in stages) if n <= 2000 else sum(d / v for d, v in stages)
    return f"{float(distance / hours):.9f}\n"


def case(name, stages):
    text = f"{len(stages)}\n" + "".join(f"{d} {v}\n" for d, v in stages)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(text))


case("10-min", [(1, 1)])
case("11-max-single", [(10000, 10000)])
case("12-not-mean-of-speeds", [(1, 1), (1, 10000)])        # harmonic, not arithmetic mean
case("13-slow-long-fast-short", [(10000, 1), (1, 10000)])
case("14-repeating-fraction", [(1, 3), (2, 7), (5, 9)])
case("15-random-small", [(rng.randint(1, 100), rng.randint(1, 100)) for _ in range(20)])
case("16-random-mid", [(rng.randint(1, 10000), rng.randint(1, 10000)) for _ in range(1000)])
case("20-max-random", [(rng.randint(1, 10000), rng.randint(1, 10000)) for _ in range(100000)])
case("21-max-slowest", [(10000, 1)] * 100000)
case("22-max-mixed", [(rng.randint(1, 10000), rng.choice([1, 10000])) for _ in range(100000)])
