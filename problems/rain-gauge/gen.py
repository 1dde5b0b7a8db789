#!/usr/bin/env python3
"""Generated tests for rain-gauge: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys


def answer(r):
    rises = sum(1 for i in range(1, len(r)) if r[i] > r[i - 1])
    return f'{sum(r)} {rises}\n'


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2101)
    top = 10 ** 9
    n_max = 200_000
    cases = {
        '10-two-days-rise': [0, 1],
        '11-two-days-equal': [5, 5],
        '12-two-days-fall': [5, 4],
        '13-all-zero': [0] * 1000,
        '14-increasing': list(range(1, 2001)),
        '15-decreasing': list(range(3000, 0, -1)),
        '16-small-random': [rnd.randint(0, 10) for _ in range(50)],
        '17-plateaus': [v for v in range(300) for _ in range(rnd.randint(1, 4))],
        '18-max-all': [top] * n_max,
        '19-random-max-n': [rnd.randint(0, top) for _ in range(n_max)],
        '20-sawtooth-max-n': [(top if i % 2 else top - 1) for i in range(n_max)],
        '21-near-equal': [top - rnd.randint(0, 1) for _ in range(n_max)],
    }
    for name, r in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(r)}\n{" ".join(map(str, r))}\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(answer(r))


if __name__ == '__main__':
    main()
