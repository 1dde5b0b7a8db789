"""Tests for island-census: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(13_2026_13)


def solve(rows):
    r, c = len(rows), len(rows[0])
    land = bytearray(1 if ch == "#" else 0 for row in rows for ch in row)
    islands = largest = 0
    for start in range(r * c):
        if not land[start]:
            continue
        islands += 1
        land[start] = 0
        stack, area = [start], 0
        while stack:
            cell = stack.pop()
            area += 1
            i, j = divmod(cell, c)
            for ni, nj in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
                if 0 <= ni < r and 0 <= nj < c and land[ni * c + nj]:
                    land[ni * c + nj] = 0
                    stack.append(ni * c + nj)
        largest = max(largest, area)
    return f"{islands} {largest}\n"


def case(name, rows):
    text = f"{len(rows)} {len(rows[0])}\n" + "".join(row + "\n" for row in rows)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(rows))


def noise(r, c, p):
    return ["".join("#" if rng.random() < p else "." for _ in range(c)) for _ in range(r)]


case("10-one-land", ["#"])
case("11-one-water", ["."])
case("12-diagonals-do-not-connect", ["#.#.#", ".#.#.", "#.#.#"])   # 8 islands of 1
case("13-ring-with-lake", ["#####", "#...#", "#.#.#", "#...#", "#####"])
case("14-single-row", ["#.##.###.####"])
case("15-random-small", noise(8, 9, 0.45))
case("16-column", ["#"] * 600)
case("20-max-all-land", ["#" * 600] * 600)                          # one island, deep search
case("21-max-checkerboard", ["".join("#" if (i + j) % 2 == 0 else "." for j in range(600)) for i in range(600)])
case("22-max-noise", noise(600, 600, 0.55))
case("23-max-snake", ["#" * 600 if i % 4 == 0 else ("." * 599 + "#" if i % 4 == 1 else ("#" * 600 if i % 4 == 2 else "#" + "." * 599)) for i in range(600)])
