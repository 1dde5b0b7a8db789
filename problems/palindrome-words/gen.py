"""Tests for palindrome-words: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(2_2026_02)


def solve(text):
    words = text.split()[1:]
    echoes = [w for w in words if w == w[::-1]]
    best = "-"
    for w in echoes:
        if best == "-" or len(w) > len(best):
            best = w
    return f"{len(echoes)}\n{best}\n"


def case(name, words):
    text = f"{len(words)}\n" + "".join(w + "\n" for w in words)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(text))


def word(length, alphabet="abc"):
    return "".join(rng.choice(alphabet) for _ in range(length))


def echo(length, alphabet="abc"):
    half = word(length // 2, alphabet)
    middle = rng.choice(alphabet) if length % 2 else ""
    return half + middle + half[::-1]


case("10-one-letter", ["q"])
case("11-one-non-echo", ["qz"])
case("12-tie-keeps-first", ["abcba", "xyzzy", "bcdcb", "aa", "racecar"[:5]])
case("13-almost-echoes", ["abca", "abcdba", "aabaa" + "b", "zz"])  # only zz is an echo
case("14-even-and-odd", [echo(n) for n in range(1, 30)])
case("15-random-mixed", [echo(rng.randint(1, 12)) if rng.random() < 0.4 else word(rng.randint(1, 12)) for _ in range(500)])
case("16-long-echo-last", [word(999) for _ in range(50)] + [echo(1000)])
case("17-long-near-echo", [echo(1000)[:-1] + "d" for _ in range(20)])
case("20-max-many-short", [echo(rng.randint(1, 10)) if rng.random() < 0.5 else word(rng.randint(2, 10), "ab") for _ in range(100000)])
case("21-max-long-words", [echo(1000, "ab") if i % 3 == 0 else echo(1000, "ab")[:-1] + "c" for i in range(1000)])
