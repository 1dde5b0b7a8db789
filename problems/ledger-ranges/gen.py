"""Tests for ledger-ranges: python3 gen.py OUTDIR (deterministic)."""
import itertools
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(5_2026_05)
LIM = 10**9


def solve(text):
    data = list(map(int, text.split()))
    n, q = data[0], data[1]
    prefix = [0, *itertools.accumulate(data[2:2 + n])]
    qs = data[2 + n:]
    return "".join(f"{prefix[qs[2 * i + 1]] - prefix[qs[2 * i] - 1]}\n" for i in range(q))


def case(name, a, queries):
    text = f"{len(a)} {len(queries)}\n{' '.join(map(str, a))}\n" + "".join(f"{l} {r}\n" for l, r in queries)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(text))


def random_queries(n, q, rng_=rng):
    out = []
    for _ in range(q):
        l, r = rng_.randint(1, n), rng_.randint(1, n)
        out.append((min(l, r), max(l, r)))
    return out


case("10-single", [-7], [(1, 1)])
case("11-edges", [1, 2, 3, 4, 5], [(1, 1), (5, 5), (1, 5), (2, 4), (1, 4), (2, 5)])  # catches l/r off-by-one
case("12-overflow", [LIM] * 10, [(1, 10), (3, 7), (10, 10)])
case("13-negative-overflow", [-LIM] * 10, [(1, 10), (1, 3)])
case("14-alternating", [LIM if i % 2 else -LIM for i in range(100)], random_queries(100, 100))
case("15-random-small", [rng.randint(-10, 10) for _ in range(30)], random_queries(30, 50))
case("20-max-whole-range", [LIM] * 200000, [(1, 200000)] * 200000)   # 2e14 each; O(NQ) is 4e10
case("21-max-random", [rng.randint(-LIM, LIM) for _ in range(200000)], random_queries(200000, 200000))
case("22-max-long-ranges", [rng.randint(-LIM, LIM) for _ in range(200000)],
     [(rng.randint(1, 1000), rng.randint(199000, 200000)) for _ in range(200000)])
