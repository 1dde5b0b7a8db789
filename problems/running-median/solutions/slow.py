# O(N * K log K): sorts every window from scratch.
import sys

data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
h = list(map(int, data[2:2 + n]))
print(" ".join(str(sorted(h[i:i + k])[(k - 1) // 2]) for i in range(n - k + 1)))
