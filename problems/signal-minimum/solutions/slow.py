# O(N) per question: scans the whole range every time.
import sys

data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
s = list(map(int, data[2:2 + n]))
out = []
pos = 2 + n
for _ in range(q):
    kind, a, b = data[pos], int(data[pos + 1]), int(data[pos + 2])
    pos += 3
    if kind == b"1":
        s[a - 1] = b
    else:
        best, total = None, 0
        for i in range(a - 1, b):
            v = s[i]
            if best is None or v < best:
                best, total = v, 1
            elif v == best:
                total += 1
        out.append(f"{best} {total}")
print("\n".join(out))
