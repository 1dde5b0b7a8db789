MOD = 10**9 + 7
n = int(input())
before, current = 1, 1  # lengths i-1 and i
for _ in range(n - 1):
    before, current = current, (current + 2 * before) % MOD
print(current)
