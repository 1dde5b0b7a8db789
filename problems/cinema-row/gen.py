#!/usr/bin/env python3
"""Generated tests for cinema-row: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys


def places(row, k):
    count, run = 0, 0
    for seat in row:
        run = run + 1 if seat == '.' else 0
        if run >= k:
            count += 1
    return count


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2121)
    big = 200_000
    cases = {
        '10-one-free-seat': ('.', 1),
        '11-one-taken-seat': ('X', 1),
        '12-exact-fit': ('.' * 7, 7),
        '13-one-short': ('XX' + '.' * 6 + 'X', 7),
        '14-alternating': ('.X' * 50, 1),
        '15-small-random': (''.join(rnd.choice('.X') for _ in range(40)), 2),
        '16-max-all-free-k1': ('.' * big, 1),
        '17-max-all-free-half': ('.' * big, big // 2),
        '18-max-all-taken': ('X' * big, 1),
        '19-max-k-too-big': ('.' * (big - 1), big),
        '20-max-random-sparse': (''.join('X' if rnd.random() < 0.02 else '.' for _ in range(big)), 30),
        '21-max-random-dense': (''.join('X' if rnd.random() < 0.5 else '.' for _ in range(big)), 3),
    }
    for name, (row, k) in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(row)} {k}\n{row}\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{places(row, k)}\n')


if __name__ == '__main__':
    main()
