#!/usr/bin/env python3
"""Generated tests for relay-split: python3 gen.py OUTDIR (deterministic).

Answers: binary search over the answer with prefix sums and bisect (a different greedy
implementation from the references), cross-checked by an O(k n^2) DP on the small tests."""
import os
import random
import sys
from bisect import bisect_right
from itertools import accumulate


def answer(d, k):
    prefix = [0] + list(accumulate(d))

    def fits(limit):
        pos, parts = 0, 0
        while pos < len(d):
            pos = bisect_right(prefix, prefix[pos] + limit) - 1
            parts += 1
            if parts > k:
                return False
        return True

    low, high = max(d), prefix[-1]
    while low < high:
        mid = (low + high) // 2
        if fits(mid):
            high = mid
        else:
            low = mid + 1
    return low


def brute(d, k):
    n = len(d)
    prefix = [0] + list(accumulate(d))
    inf = float('inf')
    best = [0] + [inf] * n
    for _ in range(k):
        best = [inf] + [min(max(best[j], prefix[i] - prefix[j]) for j in range(i)) for i in range(1, n + 1)]
    return best[n]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2929)
    top = 10 ** 9
    big = 50_000
    cases = {
        '10-one-stage': ([7], 1),
        '11-one-walker-overflow': ([top] * 5, 1),            # 5e9
        '12-walker-per-stage': ([3, 9, 1, 9, 2], 5),
        '13-big-last-stage': ([1, 1, 1, 1, 100], 2),
        '14-equal-stages': ([6] * 12, 5),
        '15-small-random': ([rnd.randint(1, 20) for _ in range(15)], 4),
        '16-max-one-walker': ([top] * big, 1),               # 5e13
        '17-max-random-few': ([rnd.randint(1, top) for _ in range(big)], 7),
        '18-max-random-many': ([rnd.randint(1, top) for _ in range(big)], big // 3),
        '19-max-mostly-small': ([rnd.choice((1, 2, top)) for _ in range(big)], 1000),
        '20-max-walker-per-stage': ([rnd.randint(1, top) for _ in range(big)], big),
    }
    for name, (d, k) in cases.items():
        ans = answer(d, k)
        if len(d) <= 20:
            assert ans == brute(d, k), name
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(d)} {k}\n{" ".join(map(str, d))}\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{ans}\n')


if __name__ == '__main__':
    main()
