import sys


def leaps_up_to(y):
    return y // 4 - y // 100 + y // 400


data = list(map(int, sys.stdin.buffer.read().split()))
out = [leaps_up_to(data[2 * i + 2]) - leaps_up_to(data[2 * i + 1] - 1) for i in range(data[0])]
sys.stdout.write('\n'.join(map(str, out)) + '\n')
