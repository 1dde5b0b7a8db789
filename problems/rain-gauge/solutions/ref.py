import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    r = list(map(int, data[1:n + 1]))
    rises = sum(1 for i in range(1, n) if r[i] > r[i - 1])
    print(sum(r), rises)


main()
