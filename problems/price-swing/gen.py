#!/usr/bin/env python3
"""Generated tests for price-swing: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys


def best_swing(p):
    cheapest, best = p[0], p[1] - p[0]
    for price in p[1:]:
        best = max(best, price - cheapest)
        cheapest = min(cheapest, price)
    return best


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2606)
    top = 10 ** 12
    big = 200_000
    cases = {
        '10-two-rise': [-top, top],              # 2e12
        '11-two-fall': [top, -top],              # -2e12: negative
        '12-two-equal': [4, 4],
        '13-falling-by-one': list(range(50, 0, -1)),          # answer -1, never 0
        '14-best-uses-last': [5, 9, 1, 3, 2, 0, 10],
        '15-min-after-max': [3, 8, 1, 2],        # the global minimum comes after the maximum
        '21-just-over-32-bits': [-2 ** 31, 2 ** 31, 0, 2 ** 31 - 1],
        '16-small-random': [rnd.randint(-20, 20) for _ in range(30)],
        '17-max-random': [rnd.randint(-top, top) for _ in range(big)],
        '18-max-falling': sorted((rnd.randint(-top, top) for _ in range(big)), reverse=True),
        '19-max-extremes': [top] * (big // 2) + [-top] * (big // 2 - 1) + [top],
        '20-max-constant': [-top] * big,
    }
    for name, p in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(p)}\n{" ".join(map(str, p))}\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{best_swing(p)}\n')


if __name__ == '__main__':
    main()
