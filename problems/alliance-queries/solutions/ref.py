import sys

data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
parent = list(range(n + 1))
members = [1] * (n + 1)


def root(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]  # path halving
        x = parent[x]
    return x


out = []
pos = 2
for _ in range(q):
    kind = data[pos]
    if kind == b"3":
        out.append(str(members[root(int(data[pos + 1]))]))
        pos += 2
        continue
    x, y = root(int(data[pos + 1])), root(int(data[pos + 2]))
    pos += 3
    if kind == b"2":
        out.append("YES" if x == y else "NO")
    elif x != y:
        if members[x] < members[y]:
            x, y = y, x  # union by size
        parent[y] = x
        members[x] += members[y]
print("\n".join(out))
