# Deliberately slow: dynamic programming over (walkers, stages), O(k * n^2). Must get TLE.
import sys


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, k = data[0], data[1]
    prefix = [0]
    for x in data[2:2 + n]:
        prefix.append(prefix[-1] + x)
    inf = float('inf')
    best = [0] + [inf] * n  # best[i]: longest part when the first i stages use j walkers
    for _ in range(k):
        nxt = [inf] * (n + 1)
        for i in range(1, n + 1):
            for j in range(i):
                nxt[i] = min(nxt[i], max(best[j], prefix[i] - prefix[j]))
        best = nxt
    print(best[n])


main()
