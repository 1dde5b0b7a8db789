import sys


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    m, q = data[0], data[1]
    # ways[n][r]: digit strings of length n (leading zeros allowed) with digit sum = r (mod m)
    ways = [[1] + [0] * (m - 1)]
    for _ in range(19):
        prev = ways[-1]
        ways.append([sum(prev[(r - d) % m] for d in range(10)) for r in range(m)])

    def lucky_up_to(limit):
        """How many x in [0, limit] have a digit sum divisible by m."""
        digits = str(limit)
        count, prefix = 0, 0
        for i, ch in enumerate(digits):
            rest = ways[len(digits) - i - 1]
            for smaller in range(int(ch)):  # a smaller digit here, free digits after it
                count += rest[-(prefix + smaller) % m]
            prefix += int(ch)
        return count + (prefix % m == 0)

    out = []
    for i in range(q):
        a, b = data[2 + 2 * i], data[3 + 2 * i]
        out.append(lucky_up_to(b) - lucky_up_to(a - 1))
    print('\n'.join(map(str, out)))


main()
