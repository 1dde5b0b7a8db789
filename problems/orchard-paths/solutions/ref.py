import sys

MOD = 10**9 + 7
lines = sys.stdin.read().split()
r, c = int(lines[0]), int(lines[1])
ways = [0] * c  # routes to each cell of the current row
ways[0] = 1
for row in lines[2:2 + r]:
    left = 0
    for j, cell in enumerate(row):
        left = 0 if cell == "#" else (ways[j] + left) % MOD
        ways[j] = left
print(ways[-1])
