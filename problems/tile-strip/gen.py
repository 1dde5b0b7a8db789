"""Tests for tile-strip: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
MOD = 1_000_000_007
rng = random.Random(3_2026_03)


def solve(n):
    # closed form (2^(n+1) + (-1)^n) / 3, independent of the references' recurrence
    value = (pow(2, n + 1, 3 * MOD) + (1 if n % 2 == 0 else -1)) % (3 * MOD)
    return value // 3 % MOD


def case(name, n):
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(f"{n}\n")
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(f"{solve(n)}\n")


case("10-n1", 1)
case("11-n4", 4)
case("12-n30", 30)        # 715827883: still below the modulus
case("13-n31", 31)        # first value above 2^31: overflow and modulus matter
case("14-n40", 40)
case("15-random-small", rng.randint(50, 1000))
case("16-random-mid", rng.randint(1000, 100000))
case("20-max", 10**6)
case("21-max-minus-one", 10**6 - 1)
case("22-random-large", rng.randint(500000, 10**6))
