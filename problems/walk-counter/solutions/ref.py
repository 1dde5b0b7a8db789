import sys
from operator import mul

MOD = 1_000_000_007


def multiply(a, b):
    columns = list(zip(*b))
    return [[sum(map(mul, row, col)) % MOD for col in columns] for row in a]


def main():
    data = sys.stdin.read().split()
    n, k = int(data[0]), int(data[1])
    power = [[int(ch) for ch in data[2 + i]] for i in range(n)]
    # only walks from hut 1 matter: carry that single row through the binary powers
    from_first = [[1 if j == 0 else 0 for j in range(n)]]
    while k:
        if k & 1:
            from_first = multiply(from_first, power)
        k >>= 1
        if k:
            power = multiply(power, power)
    print(from_first[0][n - 1])


main()
