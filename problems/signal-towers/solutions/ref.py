import sys
from bisect import bisect_left


def main():
    heights = map(int, sys.stdin.buffer.read().split()[1:])
    lowest = []  # lowest[k]: smallest last height of a chain of k + 1 towers so far
    for h in heights:
        k = bisect_left(lowest, h)
        if k == len(lowest):
            lowest.append(h)
        else:
            lowest[k] = h
    print(len(lowest))


main()
