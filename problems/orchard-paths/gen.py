"""Tests for orchard-paths: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
MOD = 1_000_000_007
rng = random.Random(9_2026_09)


def solve(rows):
    c = len(rows[0])
    ways = [0] * c
    ways[0] = 1
    for row in rows:
        for j in range(c):
            if row[j] == "#":
                ways[j] = 0
            elif j:
                ways[j] = (ways[j] + ways[j - 1]) % MOD
    return ways[-1]


def case(name, rows):
    text = f"{len(rows)} {len(rows[0])}\n" + "".join(r + "\n" for r in rows)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(f"{solve(rows)}\n")


def grid(r, c, density, keep_corners=True):
    rows = [["#" if rng.random() < density else "." for _ in range(c)] for _ in range(r)]
    if keep_corners:
        rows[0][0] = rows[-1][-1] = "."
    return ["".join(row) for row in rows]


case("10-one-cell", ["."])
case("11-one-cell-tree", ["#"])
case("12-start-blocked", ["#..", "...", "..."])
case("13-single-row", ["." * 500])
case("14-single-column", ["."] * 500)
case("15-wall", ["..#..", "..#..", "..#..", "..#..", "..#.."])
case("16-random-small", grid(6, 7, 0.2))
case("17-open-40", ["." * 40] * 40)             # C(78, 39) > 2^64: the modulus matters mid-way
case("20-max-open", ["." * 500] * 500)          # astronomically many routes
case("21-max-sparse-trees", grid(500, 500, 0.02))
case("22-max-dense-trees", grid(500, 500, 0.3))
case("23-max-thin", ["." * 500] + ["#" * 499 + "."] * 499)
