import sys

MOD = 1_000_000_007


def main():
    lengths = list(map(int, sys.stdin.buffer.read().split()[1:]))
    longest = max(lengths)
    ways = [1, 1, 3] + [0] * max(0, longest - 2)
    for i in range(3, longest + 1):
        ways[i] = (ways[i - 1] + 2 * ways[i - 2] + ways[i - 3]) % MOD
    sys.stdout.write('\n'.join(str(ways[n]) for n in lengths) + '\n')


main()
