#!/usr/bin/env python3
"""Generated tests for repeated-chant: python3 gen.py OUTDIR (deterministic).

Answers come from the Z-function (the references use the prefix function); small cases are
cross-checked by brute force."""
import os
import random
import sys

N_MAX = 500_000


def shortest_period(s):
    n = len(s)
    z = [0] * n
    left = right = 0
    for i in range(1, n):
        if i < right:
            z[i] = min(right - i, z[i - left])
        while i + z[i] < n and s[z[i]] == s[i + z[i]]:
            z[i] += 1
        if i + z[i] > right:
            left, right = i, i + z[i]
        if i + z[i] == n:  # the suffix from i matches a prefix: i is a period
            return i
    return n


def brute(s):
    return next(p for p in range(1, len(s) + 1) if s[p:] == s[:len(s) - p])


def fibonacci_word(length):
    a, b = 'a', 'ab'
    while len(b) < length:
        a, b = b, b + a
    return b[:length]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3333)

    def verse(length, alphabet='ab'):
        return ''.join(rnd.choice(alphabet) for _ in range(length))

    def sung(v, length):
        return (v * (length // len(v) + 1))[:length]

    cases = {
        '10-one-letter': 'q',
        '11-two-equal': 'zz',
        '12-two-different': 'zy',
        '13-no-repeat': 'abcdefghijklmnopqrstuvwxyz',
        '14-almost-repeat': 'aaaaaaaaab',
        '15-small-cut-verses': sung('abaab', 23),
        '16-fibonacci-small': fibonacci_word(50),
        '17-max-one-letter': 'a' * N_MAX,
        '18-max-no-period': 'a' * (N_MAX - 1) + 'b',           # O(n^2) comparisons for brute force
        '19-max-long-verse': sung(verse(123_457), N_MAX),
        '20-max-fibonacci': fibonacci_word(N_MAX),
        '21-max-verse-with-typo': None,
    }
    typo = list(sung(verse(1000, 'abc'), N_MAX))
    typo[N_MAX - 2] = 'z'                                    # period only at the very end
    cases['21-max-verse-with-typo'] = ''.join(typo)
    for name, s in cases.items():
        answer = shortest_period(s)
        if len(s) <= 100:
            assert answer == brute(s), name
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(s + '\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{answer}\n')


if __name__ == '__main__':
    main()
