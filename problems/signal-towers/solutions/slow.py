# Deliberately slow: longest chain ending at each tower from all earlier towers, O(n^2).
import sys


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    h = data[1:]
    best = [1] * len(h)
    for i in range(len(h)):
        for j in range(i):
            if h[j] < h[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
    print(max(best))


main()
