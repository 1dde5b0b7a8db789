"""Tests for relay-network: python3 gen.py OUTDIR (deterministic)."""
import heapq
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(15_2026_15)
W = 10**9


def solve(n, edges):
    adj = [[] for _ in range(n + 1)]
    for u, v, w in edges:
        adj[u].append((v, w))
    dist = [-1] * (n + 1)
    heap = [(0, 1)]
    while heap:
        d, u = heapq.heappop(heap)
        if dist[u] != -1:
            continue
        dist[u] = d
        for v, w in adj[u]:
            if dist[v] == -1:
                heapq.heappush(heap, (d + w, v))
    return " ".join(map(str, dist[1:])) + "\n"


def case(name, n, edges):
    text = f"{n} {len(edges)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges)
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(solve(n, edges))


def random_edges(n, m, max_w):
    return [(rng.randint(1, n), rng.randint(1, n), rng.randint(0, max_w)) for _ in range(m)]


case("10-lonely-hq", 1, [])
case("11-unreachable", 3, [(2, 3, 5), (3, 2, 5)])
case("12-one-way", 2, [(2, 1, 1)])                                # relays are directed
case("13-zero-weights", 4, [(1, 2, 0), (2, 3, 0), (3, 4, 0), (1, 4, 1)])
case("14-detour-beats-direct", 4, [(1, 4, 100), (1, 2, 1), (2, 3, 1), (3, 4, 1)])
case("15-random-small", 8, random_edges(8, 15, 20))
case("16-overflow-chain", 1000, [(i, i + 1, W) for i in range(1, 1000)])  # ~1e12
# A path 1 -> 2 -> ... -> N listed backwards with heavy shortcuts: Bellman-Ford needs N rounds.
chain = [(i, i + 1, 1) for i in range(1, 100000)]
chain.reverse()
shortcuts = [(rng.randint(1, 1000), rng.randint(1000, 100000), W) for _ in range(100000)]
case("20-max-reversed-chain", 100000, chain + shortcuts)
case("21-max-random", 100000, random_edges(100000, 200000, W))
case("22-max-star", 100000, [(1, v, rng.randint(0, W)) for v in range(2, 50001)] + random_edges(100000, 150001, 1000))
