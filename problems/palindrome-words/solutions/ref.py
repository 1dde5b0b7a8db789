import sys

words = sys.stdin.read().split()[1:]
echoes = [w for w in words if w == w[::-1]]
best = max(echoes, key=len, default="-")  # max keeps the first of equal lengths
print(len(echoes))
print(best)
