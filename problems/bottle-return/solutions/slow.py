# Deliberately slow: trades one batch of k empties at a time, O(n / (k - 1)). Must get TLE.
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
for i in range(data[0]):
    n, k = data[2 * i + 1], data[2 * i + 2]
    drunk, empties = n, n
    while empties >= k:
        empties -= k - 1
        drunk += 1
    print(drunk)
