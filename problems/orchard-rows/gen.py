#!/usr/bin/env python3
"""Generated tests for orchard-rows: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys
from itertools import accumulate


def write(out, name, a, queries):
    prefix = [0] + list(accumulate(a))
    with open(os.path.join(out, name + '.in'), 'w') as f:
        f.write(f'{len(a)} {len(queries)}\n{" ".join(map(str, a))}\n')
        f.write(''.join(f'{l} {r}\n' for l, r in queries))
    with open(os.path.join(out, name + '.out'), 'w') as f:
        f.write(''.join(f'{prefix[r] - prefix[l - 1]}\n' for l, r in queries))


def random_queries(rnd, n, q):
    qs = []
    for _ in range(q):
        l, r = rnd.randint(1, n), rnd.randint(1, n)
        qs.append((min(l, r), max(l, r)))
    return qs


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2303)
    top = 10 ** 9
    big = 200_000
    # every single-tree range and both ends: catches an off-by-one at l or r
    a = [rnd.randint(0, 9) for _ in range(8)]
    write(out, '10-all-ranges-small', a, [(l, r) for l in range(1, 9) for r in range(l, 9)])
    write(out, '11-zeros', [0] * 10, [(1, 10), (3, 3), (10, 10)])
    a = [rnd.randint(0, 100) for _ in range(100)]
    write(out, '12-small-random', a, random_queries(rnd, 100, 100))
    write(out, '13-first-and-last', [top] * 1000, [(1, 1), (1000, 1000), (1, 1000), (2, 999)])
    # three max trees already overflow 32 bits
    write(out, '14-overflow-small', [top, top, top, 1], [(1, 3), (2, 4), (1, 4)])
    # q full-row ranges at maximum values: O(n q) is hopeless, sums near 2e14
    write(out, '15-max-full-ranges', [top] * big, [(1, big)] * big)
    a = [rnd.randint(0, top) for _ in range(big)]
    write(out, '16-max-random', a, random_queries(rnd, big, big))
    write(out, '17-max-long-ranges', a, [(rnd.randint(1, 10), big - rnd.randint(0, 10)) for _ in range(big)])
    write(out, '18-max-point-queries', a, [(i, i) for i in range(1, big + 1)])


if __name__ == '__main__':
    main()
