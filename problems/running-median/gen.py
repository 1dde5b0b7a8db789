"""Tests for running-median: python3 gen.py OUTDIR (deterministic).

Answers come from a sorted window kept with bisect (simple and obviously right; fast enough for
the window sizes used here), independent of the references' two heaps.
"""
import bisect
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(20_2026_20)
LIM = 10**9


def solve(k, h):
    window = sorted(h[:k])
    medians = [window[(k - 1) // 2]]
    for i in range(k, len(h)):
        del window[bisect.bisect_left(window, h[i - k])]
        bisect.insort(window, h[i])
        medians.append(window[(k - 1) // 2])
    return " ".join(map(str, medians)) + "\n"


def case(name, k, h):
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(f"{len(h)} {k}\n{' '.join(map(str, h))}\n")
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(k, h))


case("10-one", 1, [-LIM])
case("11-k1-copies-input", 1, [3, -1, 4, 1, -5])
case("12-k-equals-n", 6, [6, 5, 4, 3, 2, 1])
case("13-even-window", 2, [1, 10, 2, 20, 3])            # lower, not upper, median
case("14-duplicates", 4, [7, 7, 7, 1, 7, 1, 1, 1, 7])
case("15-random-small", 5, [rng.randint(-9, 9) for _ in range(40)])
case("16-extremes", 3, [LIM, -LIM] * 50)
case("20-max-k5000", 5000, [rng.randint(-LIM, LIM) for _ in range(200000)])
case("21-max-k4999-few-values", 4999, [rng.randint(1, 5) for _ in range(200000)])
case("22-max-k-huge", 199000, [rng.randint(-LIM, LIM) for _ in range(200000)])
case("23-max-k2-trend", 2, [i * (1 if i % 2 else -1) for i in range(200000)])
