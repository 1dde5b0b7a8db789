import heapq
import sys


def main():
    pieces = list(map(int, sys.stdin.buffer.read().split()[1:]))
    heapq.heapify(pieces)
    cost = 0
    while len(pieces) > 1:
        # join the two shortest pieces: pop one, replace the other by the joined piece
        joined = heapq.heappop(pieces) + pieces[0]
        cost += joined
        heapq.heapreplace(pieces, joined)
    print(cost)


main()
