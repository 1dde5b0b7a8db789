#!/usr/bin/env python3
"""Generated tests for clock-angle: python3 gen.py OUTDIR (deterministic). Exact arithmetic."""
import os
import random
import sys
from fractions import Fraction


def angle(h, m, s):
    hour = Fraction((h % 12) * 3600 + m * 60 + s, 120)
    minute = Fraction(m * 60 + s, 10)
    a = abs(hour - minute)
    return min(a, 360 - a)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2323)
    every_second = [(h, m, s) for h in range(24) for m in range(60) for s in range(60)]
    cases = {
        '10-midnight-noon': [(0, 0, 0), (12, 0, 0), (23, 59, 59)],
        '11-six-oclock': [(6, 0, 0), (18, 0, 0)],                     # exactly 180
        '12-full-hours': [(h, 0, 0) for h in range(24)],
        '13-reflex-side': [(1, 50, 0), (11, 5, 0), (7, 2, 0), (2, 41, 17)],  # raw difference over 180
        '14-seconds-matter': [(9, 49, s) for s in range(60)],
        '18-every-minute-of-3pm': [(15, m, 0) for m in range(60)],
        '15-small-random': [rnd.choice(every_second) for _ in range(25)],
        '16-max-random': [rnd.choice(every_second) for _ in range(10_000)],
        '17-max-near-overlap': [(h, m, s) for (h, m, s) in every_second if abs(float(angle(h, m, s))) < 3][:10_000],
    }
    for name, moments in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(moments)}\n' + ''.join(f'{h} {m} {s}\n' for h, m, s in moments))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(''.join(f'{float(angle(h, m, s)):.9f}\n' for h, m, s in moments))


if __name__ == '__main__':
    main()
