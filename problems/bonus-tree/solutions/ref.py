import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    reports = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        reports[int(data[i])].append(i)
    # number members in DFS order: the team of v is the range first[v] .. last[v]
    first, last = [0] * (n + 1), [0] * (n + 1)
    order = []
    stack = [1]
    while stack:
        v = stack.pop()
        first[v] = len(order) + 1
        order.append(v)
        stack.extend(reports[v])
    for v in reversed(order):
        last[v] = max([first[v]] + [last[c] for c in reports[v]])
    fenwick = [0] * (n + 2)  # difference array: range add, point query
    out = []
    pos = n + 1
    for _ in range(q):
        if data[pos] == b'1':
            v, x = int(data[pos + 1]), int(data[pos + 2])
            pos += 3
            i = first[v]
            while i <= n:
                fenwick[i] += x
                i += i & -i
            i = last[v] + 1
            while i <= n:
                fenwick[i] -= x
                i += i & -i
        else:
            i = first[int(data[pos + 1])]
            pos += 2
            total = 0
            while i:
                total += fenwick[i]
                i -= i & -i
            out.append(total)
    sys.stdout.write('\n'.join(map(str, out)) + ('\n' if out else ''))


main()
