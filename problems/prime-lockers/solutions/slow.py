# Deliberately slow: trial division of every locker of every block. Must get TLE.
import sys


def is_prime(x):
    if x < 2:
        return False
    d = 2
    while d * d <= x:
        if x % d == 0:
            return False
        d += 1
    return True


data = list(map(int, sys.stdin.buffer.read().split()))
for i in range(data[0]):
    l, r = data[2 * i + 1], data[2 * i + 2]
    print(sum(1 for x in range(l, r + 1) if is_prime(x)))
