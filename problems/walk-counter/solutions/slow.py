# Deliberately slow: extends the walks one leg at a time, O(k * n^2). Must get TLE.
import sys

MOD = 1_000_000_007
data = sys.stdin.read().split()
n, k = int(data[0]), int(data[1])
lines = [[j for j in range(n) if data[2 + i][j] == '1'] for i in range(n)]
count = [1] + [0] * (n - 1)
for _ in range(k):
    nxt = [0] * n
    for i in range(n):
        if count[i]:
            for j in lines[i]:
                nxt[j] = (nxt[j] + count[i]) % MOD
    count = nxt
print(count[n - 1])
