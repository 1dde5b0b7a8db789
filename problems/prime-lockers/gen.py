#!/usr/bin/env python3
"""Generated tests for prime-lockers: python3 gen.py OUTDIR (deterministic).

Answers: binary search over the list of primes (the references use prefix counts)."""
import os
import random
import sys
from bisect import bisect_left, bisect_right

TOP = 2_000_000


def primes_up_to(n):
    is_prime = bytearray([1]) * (n + 1)
    is_prime[0] = is_prime[1] = 0
    for x in range(2, int(n ** 0.5) + 1):
        if is_prime[x]:
            is_prime[x * x::x] = bytes(len(range(x * x, n + 1, x)))
    return [x for x in range(n + 1) if is_prime[x]]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3232)
    primes = primes_up_to(TOP)

    def count(l, r):
        return bisect_right(primes, r) - bisect_left(primes, l)

    def random_range(lo, hi):
        a, b = rnd.randint(lo, hi), rnd.randint(lo, hi)
        return (min(a, b), max(a, b))

    big = 100_000
    cases = {
        '10-locker-one': [(1, 1), (1, 2), (2, 2)],
        '11-every-small-locker': [(x, x) for x in range(1, 101)],
        '12-prime-ends': [(7, 7), (7, 11), (8, 10), (2, 3), (1999993, 1999993), (1999994, 2000000)],
        '13-small-random': [random_range(1, 200) for _ in range(50)],
        '14-squares-of-primes': [(p * p, p * p) for p in (2, 3, 5, 7, 11, 13, 1409)] + [(1, 1409 * 1409)],
        '15-whole-range': [(1, TOP)] * 10,
        '16-max-random': [random_range(1, TOP) for _ in range(big)],
        '17-max-wide': [(rnd.randint(1, 100), TOP - rnd.randint(0, 100)) for _ in range(big)],
        '18-max-narrow': [(x, x + rnd.randint(0, 50)) for x in (rnd.randint(1, TOP - 50) for _ in range(big))],
    }
    for name, queries in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(queries)}\n' + ''.join(f'{l} {r}\n' for l, r in queries))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(''.join(f'{count(l, r)}\n' for l, r in queries))


if __name__ == '__main__':
    main()
