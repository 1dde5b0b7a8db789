"""Tests for twin-gaps: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys
from collections import Counter

OUT = sys.argv[1]
rng = random.Random(6_2026_06)
LIM = 10**9


def solve(text):
    data = list(map(int, text.split()))
    n, k = data[0], data[1]
    counts = Counter(data[2:2 + n])
    if k == 0:
        return f"{sum(c * (c - 1) // 2 for c in counts.values())}\n"
    return f"{sum(c * counts.get(w + k, 0) for w, c in counts.items())}\n"


def case(name, k, w):
    text = f"{len(w)} {k}\n{' '.join(map(str, w))}\n"
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(text))


case("10-two-twins", 1, [5, 6])
case("11-two-not-twins", 3, [5, 6])
case("12-k-zero-distinct", 0, [1, 2, 3, 4])
case("13-k-max", LIM - 1, [1, LIM, 1, LIM, 500])         # 4 pairs at the extremes
case("14-k-larger-than-range", LIM, [1, LIM, 7])
case("15-random-small", 3, [rng.randint(1, 12) for _ in range(40)])
case("16-duplicates", 4, [rng.choice([10, 14, 18]) for _ in range(300)])
case("20-max-k-zero-equal", 0, [LIM] * 200000)              # 19 999 900 000 pairs
case("21-max-two-values", 1, [7 if i % 2 else 8 for i in range(200000)])  # 1e10 pairs
case("22-max-random", 1000, [rng.randint(1, 10**6) for _ in range(200000)])
case("23-max-random-k0", 0, [rng.randint(1, 50000) for _ in range(200000)])
