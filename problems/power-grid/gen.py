#!/usr/bin/env python3
"""Generated tests for power-grid: python3 gen.py OUTDIR (deterministic).

Answers: Prim's algorithm with a heap (the references use Kruskal)."""
import heapq
import os
import random
import sys


def cheapest_grid(n, routes):
    adjacent = [[] for _ in range(n + 1)]
    for u, v, w in routes:
        adjacent[u].append((w, v))
        adjacent[v].append((w, u))
    done = [False] * (n + 1)
    heap, cost, reached = [(0, 1)], 0, 0
    while heap:
        w, x = heapq.heappop(heap)
        if done[x]:
            continue
        done[x] = True
        cost += w
        reached += 1
        for edge in adjacent[x]:
            if not done[edge[1]]:
                heapq.heappush(heap, edge)
    return cost if reached == n else -1


def random_connected(rnd, n, m, top):
    routes = [(rnd.randint(1, i - 1), i, rnd.randint(1, top)) for i in range(2, n + 1)]
    routes += [(rnd.randint(1, n), rnd.randint(1, n), rnd.randint(1, top)) for _ in range(m - (n - 1))]
    rnd.shuffle(routes)
    return [(v, u, w) if rnd.random() < 0.5 else (u, v, w) for u, v, w in routes]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3636)
    top = 10 ** 9
    cases = {
        '10-one-village': (1, []),
        '11-one-village-loops': (1, [(1, 1, 5), (1, 1, 1)]),
        '12-two-villages-no-route': (2, []),
        '13-parallel-routes': (2, [(1, 2, 9), (2, 1, 4), (1, 2, 6)]),
        '14-self-loop-cheapest': (3, [(1, 1, 1), (1, 2, 10), (2, 3, 10), (3, 3, 1), (1, 3, 30)]),
        '15-small-random': (8, random_connected(rnd, 8, 14, 20)),
        '16-max-path-expensive': (50_000, [(i, i + 1, top) for i in range(1, 50_000)]),   # ~5e13
        '17-max-random': (50_000, random_connected(rnd, 50_000, 100_000, top)),
        '18-max-equal-costs': (50_000, random_connected(rnd, 50_000, 100_000, 1)),
    }
    split = random_connected(rnd, 25_000, 50_000, top)
    cases['19-max-two-halves'] = (50_000, split + [(u + 25_000, v + 25_000, w) for u, v, w in split])
    for name, (n, routes) in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{n} {len(routes)}\n' + ''.join(f'{u} {v} {w}\n' for u, v, w in routes))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{cheapest_grid(n, routes)}\n')


if __name__ == '__main__':
    main()
