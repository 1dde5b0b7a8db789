# Deliberately slow: Kruskal without union-find; a graph search decides whether a route
# closes a cycle, O(m * n). Must get TLE on the large tests.
import sys


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, m = data[0], data[1]
    routes = sorted((data[4 + 3 * j], data[2 + 3 * j], data[3 + 3 * j]) for j in range(m))
    adjacent = [[] for _ in range(n + 1)]
    cost, taken = 0, 0
    for w, u, v in routes:
        seen, stack = {u}, [u]
        while stack:
            x = stack.pop()
            for y in adjacent[x]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        if v in seen:
            continue
        adjacent[u].append(v)
        adjacent[v].append(u)
        cost += w
        taken += 1
    print(cost if taken == n - 1 else -1)


main()
