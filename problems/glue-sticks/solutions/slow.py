# Deliberately slow: finds the two shortest pieces by scanning the whole list, O(n^2). Must TLE.
import sys


def main():
    pieces = list(map(int, sys.stdin.buffer.read().split()[1:]))
    cost = 0
    while len(pieces) > 1:
        a = min(pieces)
        pieces.remove(a)
        b = min(pieces)
        pieces.remove(b)
        cost += a + b
        pieces.append(a + b)
    print(cost)


main()
