import sys


def walkers_needed(d, limit, k):
    walkers, current = 1, 0
    for stage in d:
        if current + stage > limit:
            walkers += 1
            if walkers > k:
                break
            current = 0
        current += stage
    return walkers


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, k = data[0], data[1]
    d = data[2:2 + n]
    # no part can be shorter than the longest stage or than the average; a limit of
    # average + longest stage always works, so the search range is at most max(d) wide
    low = max(max(d), -(-sum(d) // k))
    high = -(-sum(d) // k) + max(d)
    while low < high:
        mid = (low + high) // 2
        if walkers_needed(d, mid, k) <= k:
            high = mid
        else:
            low = mid + 1
    print(low)


main()
