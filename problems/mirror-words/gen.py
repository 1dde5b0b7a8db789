#!/usr/bin/env python3
"""Generated tests for mirror-words: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import string
import sys


def is_mirror(word):
    w = word.lower()
    return w == w[::-1]


def random_case(rnd, word):
    return ''.join(c.upper() if rnd.random() < 0.5 else c for c in word)


def palindrome(rnd, length, alphabet):
    half = ''.join(rnd.choice(alphabet) for _ in range(length // 2))
    middle = rnd.choice(alphabet) if length % 2 else ''
    return half + middle + half[::-1]


def near_palindrome(rnd, length, alphabet):
    """A palindrome with one letter changed: the classic trap for 'compare only the ends'."""
    word = list(palindrome(rnd, length, alphabet))
    i = rnd.randrange(length // 2)
    word[i] = next(c for c in alphabet if c != word[i])
    return ''.join(word)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2202)
    low = string.ascii_lowercase
    cases = {}
    cases['10-single-letters'] = [random_case(rnd, rnd.choice(low)) for _ in range(30)]
    cases['11-two-letters'] = [a + b for a in 'aAbB' for b in 'aAbB']
    cases['12-long-palindromes'] = [random_case(rnd, palindrome(rnd, 100 - i % 2, low)) for _ in range(50) for i in range(2)]
    cases['13-near-palindromes'] = [random_case(rnd, near_palindrome(rnd, rnd.randint(2, 100), 'ab')) for _ in range(100)]
    mixed = []
    for _ in range(10_000):
        length = rnd.randint(1, 100)
        kind = rnd.random()
        if kind < 0.4:
            w = palindrome(rnd, length, 'abc')
        elif kind < 0.7 and length >= 2:
            w = near_palindrome(rnd, length, 'abc')
        else:
            w = ''.join(rnd.choice(low) for _ in range(length))
        mixed.append(random_case(rnd, w))
    cases['14-max-mixed'] = mixed
    cases['15-max-long'] = [random_case(rnd, palindrome(rnd, 100, 'xy') if i % 3 else near_palindrome(rnd, 100, 'xy')) for i in range(10_000)]
    cases['16-upper-only'] = [palindrome(rnd, rnd.randint(1, 9), string.ascii_uppercase) for _ in range(20)] + ['ABCA', 'ZZ', 'ZY']
    cases['17-case-only-difference'] = ['aBbA', 'AbBa', 'abBA', 'Abab', 'XYZzyx', 'XyZzYy']
    for name, words in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(words)}\n' + '\n'.join(words) + '\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write('\n'.join('YES' if is_mirror(w) else 'NO' for w in words) + '\n')


if __name__ == '__main__':
    main()
