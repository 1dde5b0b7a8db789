import sys
from heapq import heappop, heappush

data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
h = list(map(int, data[2:2 + n]))

# low: max-heap (negated) of the ceil(K/2) smallest readings; high: min-heap of the rest.
# Readings leaving the window are deleted lazily: counted in `gone`, dropped when they surface.
low, high, gone = [], [], {}
low_size = high_size = 0


def prune_low():
    while low and gone.get(-low[0]):
        gone[-low[0]] -= 1
        heappop(low)


def prune_high():
    while high and gone.get(high[0]):
        gone[high[0]] -= 1
        heappop(high)


medians = []
for i in range(n):
    x = h[i]
    prune_low()
    if not low or x <= -low[0]:
        heappush(low, -x)
        low_size += 1
    else:
        heappush(high, x)
        high_size += 1
    if i >= k:
        y = h[i - k]
        prune_low()
        if y <= -low[0]:  # low's top is valid here, so this tells which side y counts on
            low_size -= 1
        else:
            high_size -= 1
        gone[y] = gone.get(y, 0) + 1
        prune_low()
        prune_high()
    while low_size > high_size + 1:
        prune_low()
        heappush(high, -heappop(low))
        low_size -= 1
        high_size += 1
    while low_size < high_size:
        prune_high()
        heappush(low, -heappop(high))
        high_size -= 1
        low_size += 1
    prune_low()
    if i >= k - 1:
        medians.append(-low[0])
print(" ".join(map(str, medians)))
