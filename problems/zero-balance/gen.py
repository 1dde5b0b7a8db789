#!/usr/bin/env python3
"""Generated tests for zero-balance: python3 gen.py OUTDIR (deterministic).

Answers: Counter over running totals; small cases cross-checked by brute force."""
import os
import random
import sys
from collections import Counter
from itertools import accumulate


def balanced(c):
    counts = Counter(accumulate(c, initial=0))
    return sum(k * (k - 1) // 2 for k in counts.values())


def brute(c):
    return sum(1 for l in range(len(c)) for r in range(l, len(c)) if sum(c[l:r + 1]) == 0)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3434)
    top = 10 ** 9
    big = 200_000
    wrap = [top] * 3 + [-top] * 3          # 32-bit running totals wrap around and fake zeros
    cases = {
        '10-one-zero-day': [0],
        '11-one-busy-day': [-top],
        '12-no-balance': [1, 2, 3, 4, 5],
        '13-from-day-one': [5, -5],                          # needs the empty prefix
        '14-small-random': [rnd.randint(-3, 3) for _ in range(40)],
        '15-wrapping-totals': [top, top, top, top, top, -top, -top, -top, -top, -top] + [2 ** 31 - 1, 1],
        '16-max-all-zero': [0] * big,                         # n(n+1)/2 = 20 000 100 000
        '17-max-alternating': [top if i % 2 == 0 else -top for i in range(big)],
        '18-max-random-small': [rnd.randint(-2, 2) for _ in range(big)],
        '19-max-random-large': [rnd.randint(-top, top) for _ in range(big)],
        '20-max-big-swings': (wrap * (big // len(wrap) + 1))[:big],
    }
    for name, c in cases.items():
        ans = balanced(c)
        if len(c) <= 50:
            assert ans == brute(c), name
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(c)}\n{" ".join(map(str, c))}\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{ans}\n')


if __name__ == '__main__':
    main()
