"""Tests for ribbon-pieces: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(14_2026_14)


def solve(length, pieces):
    best = [-1] * (length + 1)
    best[0] = 0
    for p, c in pieces:              # unbounded knapsack, item-major order
        for x in range(p, length + 1):
            if best[x - p] >= 0 and best[x - p] + c > best[x]:
                best[x] = best[x - p] + c
    return best[length]


def case(name, length, pieces):
    text = f"{length} {len(pieces)}\n" + "".join(f"{p} {c}\n" for p, c in pieces)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(f"{solve(length, pieces)}\n")


def random_pieces(m, max_len, max_price):
    return [(rng.randint(1, max_len), rng.randint(1, max_price)) for _ in range(m)]


case("10-min", 1, [(1, 1)])
case("11-impossible-single", 1, [(2, 5)])
case("12-impossible-even", 9999, [(2, 10), (4, 30), (10, 100)])
case("13-whole-piece", 10000, [(10000, 10**9), (1, 1)])
case("14-greedy-trap", 12, [(6, 13), (4, 9), (5, 12)])       # best price per cm (5) is not the answer: 4+4+4
case("15-random-small", 30, random_pieces(4, 10, 20))
case("16-overflow", 10000, [(1, 10**9), (2, 1)])                  # 1e13
case("20-max-random", 10000, random_pieces(50, 200, 10**9))
case("21-max-all-short", 10000, [(p, rng.randint(10**8, 10**9)) for p in range(1, 51)])
case("22-max-large-pieces", 10000, [(rng.randint(3000, 5000), rng.randint(1, 10**9)) for _ in range(50)])
