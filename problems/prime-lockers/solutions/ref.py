import sys
from array import array
from itertools import accumulate


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    queries = data[1:]
    limit = max(queries[1::2])
    is_prime = bytearray([1]) * (limit + 1)
    is_prime[0] = is_prime[1] = 0
    for x in range(2, int(limit ** 0.5) + 1):
        if is_prime[x]:
            is_prime[x * x::x] = bytes(len(range(x * x, limit + 1, x)))
    primes_up_to = array('i', accumulate(is_prime))
    out = [primes_up_to[r] - primes_up_to[l - 1] for l, r in zip(queries[0::2], queries[1::2])]
    sys.stdout.write('\n'.join(map(str, out)) + '\n')


main()
