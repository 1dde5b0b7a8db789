# Deliberately slow: remembers bonuses per team leader and walks up to the chair on every
# balance check, O(depth) per check: O(n * q) on a long chain. Must get TLE.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    boss = [0, 0] + [int(t) for t in data[2:n + 1]]
    given = [0] * (n + 1)
    pos = n + 1
    for _ in range(q):
        if data[pos] == b'1':
            given[int(data[pos + 1])] += int(data[pos + 2])
            pos += 3
        else:
            v = int(data[pos + 1])
            pos += 2
            total = 0
            while v:
                total += given[v]
                v = boss[v]
            print(total)


main()
