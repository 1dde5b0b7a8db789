import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    cheapest = int(data[1])
    best = None
    for token in data[2:n + 1]:
        price = int(token)
        if best is None or price - cheapest > best:
            best = price - cheapest
        if price < cheapest:
            cheapest = price
    print(best)


main()
