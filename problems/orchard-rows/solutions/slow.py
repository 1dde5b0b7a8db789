# Deliberately slow: sums every range tree by tree, O(n * q). Must get TLE on the large tests.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    queries = data[2 + n:]
    out = []
    for k in range(q):
        l, r = int(queries[2 * k]), int(queries[2 * k + 1])
        total = 0
        for i in range(l - 1, r):
            total += a[i]
        out.append(total)
    print('\n'.join(map(str, out)))


main()
