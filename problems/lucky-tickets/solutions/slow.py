# Deliberately slow: adds up the digits of every ticket of every roll, O(b - a). Must TLE.
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
m, q = data[0], data[1]
for i in range(q):
    a, b = data[2 + 2 * i], data[3 + 2 * i]
    print(sum(1 for x in range(a, b + 1) if sum(map(int, str(x))) % m == 0))
