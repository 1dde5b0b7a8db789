#!/usr/bin/env python3
"""Generated tests for walk-counter: python3 gen.py OUTDIR (deterministic).

Answers: recursive squaring of the full matrix (A^k = (A^(k/2))^2 * A^(k mod 2)); small k are
cross-checked by extending walks leg by leg."""
import os
import random
import sys

MOD = 1_000_000_007


def mat_mul(a, b):
    n = len(a)
    return [[sum(a[i][m] * b[m][j] for m in range(n)) % MOD for j in range(n)] for i in range(n)]


def mat_pow(a, k):
    n = len(a)
    if k == 0:
        return [[int(i == j) for j in range(n)] for i in range(n)]
    half = mat_pow(a, k // 2)
    result = mat_mul(half, half)
    return mat_mul(result, a) if k % 2 else result


def by_legs(a, k):
    n = len(a)
    count = [1] + [0] * (n - 1)
    for _ in range(k):
        count = [sum(count[i] for i in range(n) if a[i][j]) % MOD for j in range(n)]
    return count[n - 1]


def random_graph(rnd, n, density):
    return [[1 if rnd.random() < density else 0 for _ in range(n)] for _ in range(n)]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3939)
    top = 10 ** 18
    full30 = [[1] * 30 for _ in range(30)]
    cycle = [[1 if j == (i + 1) % 30 else 0 for j in range(30)] for i in range(30)]
    cases = {
        '10-one-hut-no-lines': ([[0]], 0),                   # k = 0, n = 1: one itinerary
        '11-one-hut-zero-legs-far': ([[0, 1], [1, 0]], 0),    # k = 0, n > 1: none
        '12-one-hut-loop': ([[1]], top),
        '13-no-route': ([[1, 0], [0, 1]], 12345),
        '14-small-random': (random_graph(rnd, 5, 0.5), 9),
        '15-two-way-line': ([[0, 1], [1, 0]], 999_999_999_999_999_999),   # odd: exactly one
        '16-max-complete': (full30, top),                   # 30^(k-1) mod p
        '17-max-cycle': (cycle, top - 1),                   # one walk iff k mod 30 == 29, else 0
        '18-max-random-dense': (random_graph(rnd, 30, 0.7), top - rnd.randint(0, 10 ** 17)),
        '19-max-random-sparse': (random_graph(rnd, 30, 0.1), rnd.randint(10 ** 17, top)),
        '20-medium-k': (random_graph(rnd, 30, 0.3), 2 ** 40 - 1),
        '21-cycle-hit': (cycle, 10 ** 17 * 9 + 29 - (10 ** 17 * 9) % 30),   # k mod 30 == 29: one walk
    }
    for name, (a, k) in cases.items():
        ans = mat_pow(a, k)[0][len(a) - 1]
        if k <= 50:
            assert ans == by_legs(a, k), name
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(a)} {k}\n' + ''.join(''.join(map(str, row)) + '\n' for row in a))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{ans}\n')


if __name__ == '__main__':
    main()
