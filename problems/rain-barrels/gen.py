#!/usr/bin/env python3
"""Generated tests for rain-barrels: python3 gen.py OUTDIR (deterministic).

Answers are exact rationals (integer sums, one division), printed with 9 decimals."""
import os
import random
import sys
from bisect import bisect_left


def exact_decimal(num, den, digits=9):
    scaled = (num * 10 ** digits * 2 + den) // (2 * den)  # rounded half up, num/den > 0
    return f'{scaled // 10 ** digits}.{scaled % 10 ** digits:0{digits}d}'


def answers(barrels, volumes):
    barrels = sorted(barrels)
    bottoms = [b for b, _ in barrels]
    area, moment = [0], [0]
    for b, a in barrels:
        area.append(area[-1] + a)
        moment.append(moment[-1] + a * b)
    lines = []
    for v in volumes:
        # grow the wet set while the water covers the next bottom (strictly)
        lo, hi = 1, len(barrels)
        while lo < hi:  # smallest m whose level (v + moment[m]) / area[m] <= bottom of barrel m
            m = (lo + hi) // 2
            if v + moment[m] <= area[m] * bottoms[m]:
                hi = m
            else:
                lo = m + 1
        lines.append(exact_decimal(v + moment[lo], area[lo]))
    return lines


def write(out, name, barrels, volumes):
    with open(os.path.join(out, name + '.in'), 'w') as f:
        f.write(f'{len(barrels)} {len(volumes)}\n')
        f.write(''.join(f'{b} {a}\n' for b, a in barrels))
        f.write(''.join(f'{v}\n' for v in volumes))
    with open(os.path.join(out, name + '.out'), 'w') as f:
        f.write('\n'.join(answers(barrels, volumes)) + '\n')


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2828)
    top_v, top_b, top_a = 10 ** 12, 10 ** 6, 1000
    big = 100_000
    write(out, '10-one-barrel', [(0, 1)], [1, 10 ** 12])
    write(out, '11-one-barrel-high', [(10 ** 6, 1000)], [1, 7, 999_999_999_999])
    write(out, '12-equal-bottoms', [(5, 1), (5, 2), (5, 4)], [1, 7, 70])
    # volumes that bring the surface exactly to the next bottom
    write(out, '13-exact-steps', [(0, 1), (10, 1), (20, 1), (30, 1)], [10, 11, 30, 31, 60, 61])
    write(out, '14-small-random', [(rnd.randint(0, 50), rnd.randint(1, 5)) for _ in range(10)],
          [rnd.randint(1, 500) for _ in range(30)])
    write(out, '15-extreme-spread', [(0, 1), (top_b, top_a)], [1, top_b - 1, top_b, top_b + 1, top_v])
    barrels = [(rnd.randint(0, top_b), rnd.randint(1, top_a)) for _ in range(big)]
    write(out, '16-max-random', barrels, [rnd.randint(1, top_v) for _ in range(big)])
    write(out, '17-max-small-volumes', barrels, [rnd.randint(1, 10 ** 6) for _ in range(big)])
    stairs = [(i * 10, 1) for i in range(big)]
    write(out, '18-max-staircase', stairs, [rnd.randint(1, top_v) for _ in range(big)])
    write(out, '19-max-same-barrel', [(top_b, top_a)] * big, [top_v - i for i in range(big)])


if __name__ == '__main__':
    main()
