# Deliberately slow: sums every period from every start day, O(n^2). Must get TLE.
import sys


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, c = data[0], data[1:]
    periods = 0
    for l in range(n):
        total = 0
        for r in range(l, n):
            total += c[r]
            if total == 0:
                periods += 1
    print(periods)


main()
