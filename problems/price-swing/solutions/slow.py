# Deliberately slow: tries every pair of minutes, O(n^2). Must get TLE on the large tests.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    p = list(map(int, data[1:n + 1]))
    best = p[1] - p[0]
    for i in range(n):
        for j in range(i + 1, n):
            if p[j] - p[i] > best:
                best = p[j] - p[i]
    print(best)


main()
