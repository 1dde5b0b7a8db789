"""Tests for alliance-queries: python3 gen.py OUTDIR (deterministic).

Answers come from relabelling the smaller alliance on every merge (small-to-large), a method
independent of the references' union-find.
"""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(19_2026_19)


def solve(n, entries):
    label = list(range(n + 1))
    members = [[i] for i in range(n + 1)]
    out = []
    for entry in entries:
        if entry[0] == 1:
            x, y = label[entry[1]], label[entry[2]]
            if x != y:
                if len(members[x]) < len(members[y]):
                    x, y = y, x
                for city in members[y]:
                    label[city] = x
                members[x].extend(members[y])
                members[y] = []
        elif entry[0] == 2:
            out.append("YES" if label[entry[1]] == label[entry[2]] else "NO")
        else:
            out.append(str(len(members[label[entry[1]]])))
    return "\n".join(out) + "\n"


def case(name, n, entries):
    text = f"{n} {len(entries)}\n" + "".join(" ".join(map(str, e)) + "\n" for e in entries)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(n, entries))


def random_entries(n, q, merge_share):
    entries = []
    for _ in range(q):
        r = rng.random()
        if r < merge_share:
            entries.append((1, rng.randint(1, n), rng.randint(1, n)))
        elif r < (1 + merge_share) / 2:
            entries.append((2, rng.randint(1, n), rng.randint(1, n)))
        else:
            entries.append((3, rng.randint(1, n)))
    return entries


case("10-one-city", 1, [(3, 1), (2, 1, 1), (1, 1, 1), (3, 1)])
case("11-self-merge", 3, [(1, 2, 2), (3, 2), (2, 2, 2), (2, 1, 3)])
case("12-repeat-merge", 4, [(1, 1, 2), (1, 2, 1), (1, 1, 2), (3, 1), (3, 2), (3, 3)])
case("13-chain", 6, [(1, i, i + 1) for i in range(1, 6)] + [(2, 1, 6), (3, 4)])
case("14-random-small", 10, random_entries(10, 40, 0.3))
case("15-random-mid", 1000, random_entries(1000, 3000, 0.2))
# a long chain merged one by one, then many questions: naive relabelling is quadratic
case("20-max-chain-then-ask", 200000, [(1, i, i + 1) for i in range(1, 100001)] + [(3, rng.randint(1, 200000)) for _ in range(99999)])
case("21-max-random", 200000, random_entries(200000, 200000, 0.5))
case("22-max-star-merges", 200000, [(1, rng.randint(1, 200000), 1) for _ in range(150000)] + random_entries(200000, 50000, 0.0))
