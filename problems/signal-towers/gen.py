#!/usr/bin/env python3
"""Generated tests for signal-towers: python3 gen.py OUTDIR (deterministic).

Answers: patience sorting with bisect; small cases cross-checked by the O(n^2) DP."""
import os
import random
import sys
from bisect import bisect_left


def longest_chain(h):
    piles = []
    for x in h:
        k = bisect_left(piles, x)
        piles[k:k + 1] = [x]
    return len(piles)


def brute(h):
    best = []
    for i, x in enumerate(h):
        best.append(1 + max([best[j] for j in range(i) if h[j] < x], default=0))
    return max(best)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3535)
    top = 10 ** 9
    big = 200_000
    cases = {
        '10-one-tower': [top],
        '11-equal-heights': [7] * 10,                         # strictly taller: answer 1
        '12-increasing': list(range(1, 31)),
        '13-decreasing': list(range(30, 0, -1)),
        '14-plateaus': [1, 1, 2, 2, 3, 3, 2, 4, 4],
        '15-small-random': [rnd.randint(1, 10) for _ in range(30)],
        '16-max-increasing': list(range(top - big + 1, top + 1)),
        '17-max-random': [rnd.randint(1, top) for _ in range(big)],
        '18-max-few-heights': [rnd.randint(1, 50) for _ in range(big)],
        '19-max-zigzag': [i // 2 + (big if i % 2 else 0) for i in range(big)],
        '20-max-decreasing-blocks': [b * 1000 + (999 - j) for b in range(big // 1000) for j in range(1000)],
    }
    for name, h in cases.items():
        ans = longest_chain(h)
        if len(h) <= 50:
            assert ans == brute(h), name
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(h)}\n{" ".join(map(str, h))}\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{ans}\n')


if __name__ == '__main__':
    main()
