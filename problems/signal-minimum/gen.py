"""Tests for signal-minimum: python3 gen.py OUTDIR (deterministic).

Answers come from a segment tree of (minimum, count) pairs, cross-checked against plain
scanning on the small tests.
"""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(18_2026_18)
LIM = 10**9


def solve(values, events):
    """Segment tree over (minimum, -count) pairs, written independently of the references."""
    size = 1
    while size < len(values):
        size *= 2
    empty = (float("inf"), 0)
    tree = [empty] * (2 * size)

    def merge(a, b):
        if a[0] != b[0]:
            return a if a[0] < b[0] else b
        return (a[0], a[1] + b[1])

    for i, v in enumerate(values):
        tree[size + i] = (v, 1)
    for i in range(size - 1, 0, -1):
        tree[i] = merge(tree[2 * i], tree[2 * i + 1])
    out = []
    for kind, a, b in events:
        if kind == 1:
            i = size + a - 1
            tree[i] = (b, 1)
            i //= 2
            while i:
                tree[i] = merge(tree[2 * i], tree[2 * i + 1])
                i //= 2
        else:
            result = empty
            l, r = size + a - 1, size + b
            while l < r:
                if l % 2:
                    result = merge(result, tree[l])
                    l += 1
                if r % 2:
                    r -= 1
                    result = merge(result, tree[r])
                l //= 2
                r //= 2
            out.append(f"{result[0]} {result[1]}\n")
    return "".join(out)


def brute(values, events):
    s, out = list(values), []
    for kind, a, b in events:
        if kind == 1:
            s[a - 1] = b
        else:
            m = min(s[a - 1:b])
            out.append(f"{m} {s[a - 1:b].count(m)}\n")
    return "".join(out)


def random_events(n, q, lo, hi, update_share=0.5, min_len=1):
    events = []
    for _ in range(q):
        if rng.random() < update_share:
            events.append((1, rng.randint(1, n), rng.randint(lo, hi)))
        else:
            l = rng.randint(1, n - min_len + 1)
            events.append((2, l, rng.randint(l + min_len - 1, n)))
    if not any(e[0] == 2 for e in events):
        events.append((2, 1, n))
    return events


def case(name, values, events):
    text = (f"{len(values)} {len(events)}\n{' '.join(map(str, values))}\n"
            + "".join(f"{k} {a} {b}\n" for k, a, b in events))
    answer = solve(values, events)
    if len(values) * len(events) <= 10**6:
        assert answer == brute(values, events), name
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(answer)


case("10-one-mast", [-LIM], [(2, 1, 1), (1, 1, LIM), (2, 1, 1)])
case("11-all-equal", [5] * 10, [(2, 1, 10), (2, 3, 3), (1, 10, 5), (2, 2, 10)])
case("12-edges", [3, 1, 4, 1, 5, 9, 2, 6], [(2, 1, 1), (2, 8, 8), (2, 1, 8), (2, 2, 4), (2, 3, 3), (1, 2, 7), (2, 1, 4)])
case("13-update-to-new-min", [10, 20, 30], [(1, 3, -LIM), (2, 1, 3), (1, 3, LIM), (2, 1, 3)])
case("14-random-small", [rng.randint(-3, 3) for _ in range(30)], random_events(30, 60, -3, 3))
case("15-random-mid", [rng.randint(-5, 5) for _ in range(1000)], random_events(1000, 1000, -5, 5))
case("20-max-queries-wide", [rng.randint(-LIM, LIM) for _ in range(100000)],
     random_events(100000, 100000, -LIM, LIM, update_share=0.3, min_len=90000))
case("21-max-few-values", [rng.randint(1, 3) for _ in range(100000)],
     random_events(100000, 100000, 1, 3, update_share=0.5))
case("22-max-only-queries", [LIM] * 100000, [(2, 1, 100000)] * 100000)
