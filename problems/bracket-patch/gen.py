"""Tests for bracket-patch: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(11_2026_11)


def solve(a, b, s):
    # Balance scan without prefix tricks: every ')' that finds no open '(' needs an inserted '(';
    # every '(' still open at the end needs an inserted ')'.
    open_, missing_open = 0, 0
    for ch in s:
        if ch == "(":
            open_ += 1
        elif open_:
            open_ -= 1
        else:
            missing_open += 1
    return missing_open * a + open_ * b


def case(name, a, b, s):
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(f"{a} {b}\n{s}\n")
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(f"{solve(a, b, s)}\n")


def balanced(n):
    out, depth = [], 0
    for i in range(n):
        left = n - i
        if depth == 0 or (depth < left and rng.random() < 0.5):
            out.append("(")
            depth += 1
        else:
            out.append(")")
            depth -= 1
    return "".join(out)


case("10-one-open", 7, 11, "(")
case("11-one-close", 7, 11, ")")
case("12-reversed-pair", 1, 1000000, ")(")          # needs one of each, not zero
case("13-closing-first", 3, 1, ")))(((")
case("14-balanced", 9, 9, balanced(1000))
case("15-random-small", 4, 9, "".join(rng.choice("()") for _ in range(40)))
case("16-deep", 2, 3, "(" * 500 + ")" * 499)
case("20-max-all-close", 10**6, 10**6, ")" * 10**6)             # 1e12 coins
case("21-max-all-open", 999999, 10**6, "(" * 10**6)
case("22-max-random", 123456, 654321, format(rng.getrandbits(10**6), "b").zfill(10**6).replace("0", "(").replace("1", ")"))
case("23-max-balanced", 1, 1, "".join(balanced(1000) for _ in range(20)) * 50)
