import sys

data = sys.stdin.buffer.read().split()
n, t = int(data[0]), int(data[1])
festive = [b for b in map(int, data[2:2 + n]) if b >= t]
print(len(festive), sum(festive))
