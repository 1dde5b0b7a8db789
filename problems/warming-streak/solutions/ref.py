n = int(input())
t = list(map(int, input().split()))
best_len, best_start, start = 1, 1, 1
for day in range(2, n + 1):
    if t[day - 1] <= t[day - 2]:
        start = day
    if day - start + 1 > best_len:
        best_len, best_start = day - start + 1, start
print(best_len, best_start)
