"""Tests for swap-distance: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys

OUT = sys.argv[1]
rng = random.Random(17_2026_17)


def inversions(a):
    """Merge sort count of pairs i < j with a[i] > a[j] (strictly: equal books never swap)."""
    if len(a) < 2:
        return a, 0
    mid = len(a) // 2
    left, x = inversions(a[:mid])
    right, y = inversions(a[mid:])
    merged, count, i, j = [], x + y, 0, 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            merged.append(right[j])
            count += len(left) - i
            j += 1
        else:
            merged.append(left[i])
            i += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged, count


def case(name, h):
    with open(os.path.join(OUT, name + ".in"), "w") as f:
        f.write(f"{len(h)}\n{' '.join(map(str, h))}\n")
    with open(os.path.join(OUT, name + ".out"), "w") as f:
        f.write(f"{inversions(h)[1]}\n")


for _ in range(30):  # merge-sort count checked against the definition
    probe = [rng.randint(1, 5) for _ in range(rng.randint(1, 10))]
    assert inversions(probe)[1] == sum(probe[i] > probe[j] for i in range(len(probe)) for j in range(i + 1, len(probe)))

case("10-one-book", [10**9])
case("11-sorted", list(range(1, 1001)))
case("12-two-reversed", [2, 1])
case("13-equal-runs", [2, 2, 1, 1, 3, 3, 1])        # equal heights must not count
case("14-reversed-small", list(range(100, 0, -1)))
case("15-random-small", [rng.randint(1, 6) for _ in range(30)])
case("16-extremes", [10**9, 1] * 500)
case("20-max-reversed", list(range(100000, 0, -1)))   # 4 999 950 000 swaps
case("21-max-random", [rng.randint(1, 10**9) for _ in range(100000)])
case("22-max-few-heights", [rng.randint(1, 3) for _ in range(100000)])
case("23-max-nearly-sorted", sorted(rng.randint(1, 10**9) for _ in range(100000))[::-1][:100] + list(range(1, 99901)))
