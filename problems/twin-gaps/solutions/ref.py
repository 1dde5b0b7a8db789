from collections import Counter

n, k = map(int, input().split())
counts = Counter(map(int, input().split()))
if k == 0:
    pairs = sum(c * (c - 1) // 2 for c in counts.values())
else:
    pairs = sum(c * counts[w + k] for w, c in list(counts.items()))
print(pairs)
