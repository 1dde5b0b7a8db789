#!/usr/bin/env python3
"""Generated tests for courier-route: python3 gen.py OUTDIR (deterministic).

Answers: Held-Karp over subsets (pull form, min over predecessors); small cases are
cross-checked by trying every order."""
import os
import random
import sys
from itertools import permutations


def shortest_tour(t):
    n = len(t) - 1
    full = 1 << n
    inf = float('inf')
    best = [[inf] * (n + 1) for _ in range(full)]
    for c in range(1, n + 1):
        best[1 << (c - 1)][c] = t[0][c]
    for mask in range(1, full):
        for c in range(1, n + 1):
            bit = 1 << (c - 1)
            if not mask & bit or mask == bit:
                continue
            prev = mask ^ bit
            best[mask][c] = min(best[prev][p] + t[p][c] for p in range(1, n + 1) if prev >> (p - 1) & 1)
    return min(best[full - 1][c] + t[c][0] for c in range(1, n + 1))


def brute(t):
    n = len(t) - 1
    return min(sum(t[a][b] for a, b in zip((0,) + o, o + (0,))) for o in permutations(range(1, n + 1)))


def random_times(rnd, n, low, high):
    return [[0 if i == j else rnd.randint(low, high) for j in range(n + 1)] for i in range(n + 1)]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3838)
    top = 10 ** 9
    # points on a line: the answer is twice the distance to the farthest point
    line = [rnd.randint(0, 10 ** 8) for _ in range(14)] + [0]
    line_times = [[abs(a - b) for b in line[-1:] + line[:-1]] for a in line[-1:] + line[:-1]]
    # a cheap one-way cycle hidden among expensive rides
    cycle = [[0 if i == j else top for j in range(15)] for i in range(15)]
    order = list(range(15))
    rnd.shuffle(order)
    for a, b in zip(order, order[1:] + order[:1]):
        cycle[a][b] = rnd.randint(1, 10)
    cases = {
        '10-two-customers': random_times(rnd, 2, 1, 10),
        '11-all-zero': [[0] * 5 for _ in range(5)],
        '12-small-random': random_times(rnd, 6, 1, 100),
        '13-asymmetric-small': random_times(rnd, 7, 0, 5),
        '14-max-values-small': random_times(rnd, 4, top, top),
        '15-max-random': random_times(rnd, 14, 0, top),
        '16-max-all-expensive': random_times(rnd, 14, top - 5, top),   # about 1.5e10
        '17-max-line': line_times,
        '18-max-hidden-cycle': cycle,
        '19-small-times': random_times(rnd, 12, 0, 3),
    }
    for name, t in cases.items():
        ans = shortest_tour(t)
        if len(t) <= 8:
            assert ans == brute(t), name
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(t) - 1}\n' + ''.join(' '.join(map(str, row)) + '\n' for row in t))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{ans}\n')


if __name__ == '__main__':
    main()
