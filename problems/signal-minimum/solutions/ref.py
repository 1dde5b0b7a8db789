import sys

data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
size = 1
while size < n:
    size *= 2
INF = float("inf")
low = [INF] * (2 * size)    # minimum of each node's range
count = [0] * (2 * size)    # how often that minimum occurs
low[size:size + n] = map(int, data[2:2 + n])
count[size:size + n] = [1] * n
for i in range(size - 1, 0, -1):
    a, b = low[2 * i], low[2 * i + 1]
    if a < b:
        low[i], count[i] = a, count[2 * i]
    elif b < a:
        low[i], count[i] = b, count[2 * i + 1]
    else:
        low[i], count[i] = a, count[2 * i] + count[2 * i + 1]
out = []
pos = 2 + n
for _ in range(q):
    kind, a, b = data[pos], int(data[pos + 1]), int(data[pos + 2])
    pos += 3
    if kind == b"1":
        i = size + a - 1
        low[i], count[i] = b, 1
        i >>= 1
        while i:
            x, y = low[2 * i], low[2 * i + 1]
            if x < y:
                low[i], count[i] = x, count[2 * i]
            elif y < x:
                low[i], count[i] = y, count[2 * i + 1]
            else:
                low[i], count[i] = x, count[2 * i] + count[2 * i + 1]
            i >>= 1
    else:
        best, total = INF, 0
        l, r = size + a - 1, size + b  # half-open
        while l < r:
            if l & 1:
                v = low[l]
                if v < best:
                    best, total = v, count[l]
                elif v == best:
                    total += count[l]
                l += 1
            if r & 1:
                r -= 1
                v = low[r]
                if v < best:
                    best, total = v, count[r]
                elif v == best:
                    total += count[r]
            l >>= 1
            r >>= 1
        out.append(f"{best} {total}")
print("\n".join(out))
