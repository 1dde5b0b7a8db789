# Relabels every city of the absorbed alliance by scanning all N cities: O(N) per merge.
import sys

data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
label = list(range(n + 1))
out = []
pos = 2
for _ in range(q):
    kind = data[pos]
    if kind == b"3":
        a = int(data[pos + 1])
        pos += 2
        out.append(str(label.count(label[a])))
        continue
    a, b = int(data[pos + 1]), int(data[pos + 2])
    pos += 3
    if kind == b"2":
        out.append("YES" if label[a] == label[b] else "NO")
    elif label[a] != label[b]:
        old, new = label[b], label[a]
        for city in range(1, n + 1):
            if label[city] == old:
                label[city] = new
print("\n".join(out))
