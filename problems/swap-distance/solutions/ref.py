import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
h = list(map(int, data[1:1 + n]))
rank = {v: i + 1 for i, v in enumerate(sorted(set(h)))}
size = len(rank)
tree = [0] * (size + 1)  # Fenwick tree over height ranks seen so far
swaps = 0
for i, height in enumerate(h):
    k = rank[height]
    not_taller = 0
    while k:
        not_taller += tree[k]
        k &= k - 1
    swaps += i - not_taller  # every taller book to the left must pass over this one
    k = rank[height]
    while k <= size:
        tree[k] += 1
        k += k & -k
print(swaps)
