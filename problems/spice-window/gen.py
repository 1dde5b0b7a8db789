"""Tests for spice-window: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(12_2026_12)


def solve(k, s):
    counts, left, best = {}, 0, 0
    for right, kind in enumerate(s):
        counts[kind] = counts.get(kind, 0) + 1
        while len(counts) > k:
            gone = s[left]
            counts[gone] -= 1
            if counts[gone] == 0:
                del counts[gone]
            left += 1
        best = max(best, right - left + 1)
    return best


def brute(k, s):
    return max(j - i for i in range(len(s)) for j in range(i + 1, len(s) + 1) if len(set(s[i:j])) <= k)


def case(name, k, s):
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(f"{len(s)} {k}\n{' '.join(map(str, s))}\n")
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(f"{solve(k, s)}\n")


for _ in range(50):  # the generator's own answer is checked against brute force on small inputs
    probe = [rng.randint(1, 4) for _ in range(rng.randint(1, 12))]
    kk = rng.randint(1, len(probe))
    assert solve(kk, probe) == brute(kk, probe)

case("10-single", 1, [10**9])
case("11-k-equals-n", 6, [1, 2, 3, 4, 5, 6])
case("12-window-at-end", 2, [1, 2, 3, 4, 4, 5, 4, 5, 5])
case("13-exactly-k", 3, [7, 8, 9, 7, 8, 9, 1])                   # at most K, not fewer than K
case("14-all-same", 1, [5] * 1000)
case("15-random-small", 2, [rng.randint(1, 4) for _ in range(40)])
case("16-big-values", 2, [rng.choice([1, 10**9, 999999999]) for _ in range(500)])
case("20-max-all-distinct", 1000, list(range(1, 200001)))
case("21-max-random-k3", 3, [rng.randint(1, 6) for _ in range(200000)])
case("22-max-random-k100", 100, [rng.randint(1, 150) for _ in range(200000)])
case("23-max-k1-blocks", 1, [i // 1000 + 1 for i in range(200000)])
