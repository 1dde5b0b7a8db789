# Deliberately slow: checks every year of every range, O(b - a). Must get TLE on the large tests.
import sys


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


data = list(map(int, sys.stdin.buffer.read().split()))
for i in range(data[0]):
    a, b = data[2 * i + 1], data[2 * i + 2]
    print(sum(1 for y in range(a, b + 1) if is_leap(y)))
