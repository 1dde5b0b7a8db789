#!/usr/bin/env python3
"""Generated tests for average-pace: python3 gen.py OUTDIR (deterministic).

Expected answers are computed exactly with fractions and printed with 9 decimals."""
import os
import random
import sys
from fractions import Fraction


def write(out, name, legs):
    total_d = sum(d for d, _ in legs)
    total_t = sum((Fraction(d, v) for d, v in legs), Fraction(0))
    with open(os.path.join(out, name + '.in'), 'w') as f:
        f.write(f'{len(legs)}\n' + ''.join(f'{d} {v}\n' for d, v in legs))
    with open(os.path.join(out, name + '.out'), 'w') as f:
        f.write(f'{float(total_d / total_t):.9f}\n')


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2404)
    top = 10_000
    write(out, '10-slowest', [(1, 1)])
    write(out, '11-equal-speeds', [(rnd.randint(1, top), 7) for _ in range(20)])
    # mean of speeds would be 5000.5, the real average is close to 2
    write(out, '12-one-slow-leg', [(top, 1), (top, top)])
    write(out, '13-short-fast-long-slow', [(1, top), (top, 1)])
    write(out, '14-thirds', [(1, 3), (1, 3), (1, 3), (2, 7)])
    write(out, '15-small-random', [(rnd.randint(1, 50), rnd.randint(1, 50)) for _ in range(10)])
    write(out, '16-max-random', [(rnd.randint(1, top), rnd.randint(1, top)) for _ in range(100_000)])
    write(out, '17-max-extreme', [(top, top)] * 99_999 + [(top, 1)])
    write(out, '18-max-all-fast', [(top, top)] * 100_000)
    write(out, '19-max-tiny-slow', [(1, 1 + i % 3) for i in range(100_000)])


if __name__ == '__main__':
    main()
