# Deliberately slow: recomputes the recurrence for every customer, O(q * n). Must get TLE.
import sys

MOD = 1_000_000_007


def pavings(n):
    a, b, c = 1, 1, 3  # lengths 0, 1, 2
    if n < 2:
        return 1
    for _ in range(n - 2):
        a, b, c = b, c, (c + 2 * b + a) % MOD
    return c


def main():
    lengths = list(map(int, sys.stdin.buffer.read().split()[1:]))
    print('\n'.join(str(pavings(n)) for n in lengths))


main()
