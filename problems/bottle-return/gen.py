#!/usr/bin/env python3
"""Generated tests for bottle-return: python3 gen.py OUTDIR (deterministic).

Answers come from a round-by-round simulation (all possible trades at once each round)."""
import os
import random
import sys


def drunk(n, k):
    total, empties = n, n
    while empties >= k:
        fresh = empties // k
        total += fresh
        empties = empties % k + fresh
    return total


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2525)
    top = 10 ** 18
    cases = {
        '10-one-bottle': [(1, 2), (1, top)],
        '11-exactly-k': [(k, k) for k in range(2, 12)] + [(top, top)],
        '12-one-less-than-k': [(k - 1, k) for k in range(2, 12)] + [(top - 1, top)],
        # n - 1 divisible by k - 1 versus n divisible by k - 1: the off-by-one pair
        '13-divisibility-edges': [(m * (k - 1) + e, k) for k in (2, 3, 4, 7, 10) for m in (1, 2, 5) for e in (0, 1, 2)],
        '14-small-all': [(n, k) for n in range(1, 16) for k in range(2, 8)],
        '15-k-two-huge': [(top, 2), (top - 1, 2), (top // 2, 2)],        # answer close to 2e18
        '16-max-random': [(rnd.randint(1, top), rnd.randint(2, top)) for _ in range(10_000)],
        '17-max-small-k': [(rnd.randint(top // 2, top), rnd.randint(2, 5)) for _ in range(10_000)],
        '18-max-huge-n-k2': [(top - i, 2) for i in range(10_000)],
    }
    for name, queries in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(queries)}\n' + ''.join(f'{n} {k}\n' for n, k in queries))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(''.join(f'{drunk(n, k)}\n' for n, k in queries))


if __name__ == '__main__':
    main()
