import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    u = data[2::3]
    v = data[3::3]
    w = list(map(int, data[4::3]))
    parent = list(range(n + 1))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Kruskal: take the cheapest route that joins two still separate groups
    cost, groups = 0, n
    for j in sorted(range(m), key=w.__getitem__):
        a, b = root(int(u[j])), root(int(v[j]))
        if a != b:
            parent[a] = b
            cost += w[j]
            groups -= 1
    print(cost if groups == 1 else -1)


main()
