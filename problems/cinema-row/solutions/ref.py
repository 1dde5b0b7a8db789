import sys

_, k, row = sys.stdin.read().split()
k = int(k)
print(sum(max(0, len(run) - k + 1) for run in row.split('X')))
