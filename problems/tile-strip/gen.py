#!/usr/bin/env python3
"""Generated tests for tile-strip: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

MOD = 1_000_000_007
N_MAX = 1_000_000


def table(limit):
    ways = [1, 1, 3] + [0] * max(0, limit - 2)
    for i in range(3, limit + 1):
        ways[i] = (ways[i - 1] + 2 * ways[i - 2] + ways[i - 3]) % MOD
    return ways


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2505)
    ways = table(N_MAX)
    cases = {
        '10-length-one': [1],
        '11-length-two': [2],
        '12-first-twenty': list(range(1, 21)),
        # where the counts first exceed the modulus (and 32-bit sums of three terms)
        '13-around-modulus': list(range(20, 41)),
        '14-descending': list(range(60, 0, -1)),
        '15-small-random': [rnd.randint(1, 1000) for _ in range(500)],
        '16-max-single': [N_MAX],
        '17-max-repeated': [N_MAX] * 100_000,
        '18-max-random': [rnd.randint(N_MAX // 2, N_MAX) for _ in range(100_000)],
        '19-max-mixed': [rnd.choice((1, 2, 3, N_MAX, rnd.randint(1, N_MAX))) for _ in range(100_000)],
    }
    for name, lengths in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(lengths)}\n' + '\n'.join(map(str, lengths)) + '\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write('\n'.join(str(ways[n]) for n in lengths) + '\n')


if __name__ == '__main__':
    main()
