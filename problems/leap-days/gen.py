#!/usr/bin/env python3
"""Generated tests for leap-days: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

# PREFIX[r] = leap years among 1..r for 0 <= r < 400; the calendar repeats every 400 years
# with 97 leap years per cycle. Built by direct test, independent of the reference's formula.
PREFIX = [0] * 400
for _r in range(1, 400):
    PREFIX[_r] = PREFIX[_r - 1] + (_r % 4 == 0 and _r % 100 != 0)


def leaps_up_to(y):
    return (y // 400) * 97 + PREFIX[y % 400]


def count(a, b):
    return leaps_up_to(b) - leaps_up_to(a - 1)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2424)
    top = 10 ** 18
    cases = {
        '10-single-years': [(y, y) for y in (1, 2, 3, 4, 100, 200, 400, 1600, 1700, 1900, 2000, 2023, 2024)],
        '11-first-years': [(1, b) for b in range(1, 30)],
        '12-century-edges': [(1900, 1900), (1899, 1901), (1896, 1900), (1900, 1904), (2000, 2003), (1997, 2000), (2100, 2100), (2400, 2400)],
        '13-small-random': [tuple(sorted((rnd.randint(1, 3000), rnd.randint(1, 3000)))) for _ in range(200)],
        '14-whole-range': [(1, top), (top, top), (top - 399, top), (2, top - 1)],
        # a - 1 is a multiple of 4/100/400 exactly: the off-by-one at the left end shows
        '15-left-end-on-leap': [(y, y + 10 ** k) for y in (4, 8, 400, 2000, 10 ** 17) for k in range(0, 18)],
        '16-max-random': [tuple(sorted((rnd.randint(1, top), rnd.randint(1, top)))) for _ in range(100_000)],
        '17-max-wide': [(rnd.randint(1, 1000), top - rnd.randint(0, 1000)) for _ in range(100_000)],
        '18-max-narrow': [(y, y + rnd.randint(0, 5)) for y in (rnd.randint(1, top - 5) for _ in range(100_000))],
    }
    for name, queries in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(queries)}\n' + ''.join(f'{a} {b}\n' for a, b in queries))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(''.join(f'{count(a, b)}\n' for a, b in queries))


if __name__ == '__main__':
    main()
