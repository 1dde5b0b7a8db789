#!/usr/bin/env python3
"""Generated tests for glue-sticks: python3 gen.py OUTDIR (deterministic).

Answers use the two-queue method on sorted input (an independent O(n log n) algorithm)."""
import os
import random
import sys
from collections import deque


def cost(lengths):
    singles, joined = deque(sorted(lengths)), deque()

    def take():
        if not joined or (singles and singles[0] <= joined[0]):
            return singles.popleft()
        return joined.popleft()

    total = 0
    for _ in range(len(lengths) - 1):
        piece = take() + take()
        total += piece
        joined.append(piece)
    return total


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3030)
    top = 10 ** 9
    big = 200_000
    cases = {
        '10-two-sticks': [1, 1],
        '11-two-max': [top, top],                              # 2e9 already overflows int
        '12-three-equal': [5, 5, 5],
        '13-one-long-many-short': [1] * 10 + [1000],
        '14-powers-of-two': [2 ** i for i in range(30)],
        '15-small-random': [rnd.randint(1, 30) for _ in range(12)],
        '16-max-all-max': [top] * big,                          # about 3.5e15
        '17-max-random': [rnd.randint(1, top) for _ in range(big)],
        '18-max-increasing': list(range(1, big + 1)),
        '19-max-two-sizes': [rnd.choice((1, top)) for _ in range(big)],
    }
    for name, lengths in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(lengths)}\n{" ".join(map(str, lengths))}\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{cost(lengths)}\n')


if __name__ == '__main__':
    main()
