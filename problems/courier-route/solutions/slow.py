# Deliberately slow: tries every order of the customers, O(n! * n). Must get TLE for n = 14.
import sys
from itertools import permutations


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    t = [data[1 + i * (n + 1):1 + (i + 1) * (n + 1)] for i in range(n + 1)]
    best = None
    for order in permutations(range(1, n + 1)):
        total, here = 0, 0
        for c in order:
            total += t[here][c]
            here = c
        total += t[here][0]
        if best is None or total < best:
            best = total
    print(best)


main()
