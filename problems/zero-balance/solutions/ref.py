import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    seen = {0: 1}  # running total -> how many times it occurred so far
    total = periods = 0
    for token in data[1:n + 1]:
        total += int(token)
        count = seen.get(total, 0)
        periods += count
        seen[total] = count + 1
    print(periods)


main()
