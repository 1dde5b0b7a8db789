import sys


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    t = [data[1 + i * (n + 1):1 + (i + 1) * (n + 1)] for i in range(n + 1)]
    full = 1 << n
    inf = float('inf')
    # best[mask][c]: shortest ride from the depot through the customers in mask (bit c for
    # customer c + 1), ending at customer c + 1
    best = [[inf] * n for _ in range(full)]
    for c in range(n):
        best[1 << c][c] = t[0][c + 1]
    for mask in range(1, full):
        row = best[mask]
        for last in range(n):
            so_far = row[last]
            if so_far == inf:
                continue
            ride = t[last + 1]
            for nxt in range(n):
                bit = 1 << nxt
                if not mask & bit:
                    total = so_far + ride[nxt + 1]
                    if total < best[mask | bit][nxt]:
                        best[mask | bit][nxt] = total
    print(min(best[full - 1][c] + t[c + 1][0] for c in range(n)))


main()
