# Deliberately slow: bisects the height for every amount, summing all barrels each step,
# O(q * n * 100). Must get TLE on the large tests.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    barrels = list(zip(map(int, data[2:2 + 2 * n:2]), map(int, data[3:3 + 2 * n:2])))
    out = []
    for token in data[2 + 2 * n:]:
        volume = int(token)
        low, high = 0.0, 2e12
        for _ in range(100):
            mid = (low + high) / 2
            held = sum(a * (mid - b) for b, a in barrels if b < mid)
            if held < volume:
                low = mid
            else:
                high = mid
        out.append('%.9f' % low)
    print('\n'.join(out))


main()
