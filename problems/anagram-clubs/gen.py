#!/usr/bin/env python3
"""Generated tests for anagram-clubs: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import string
import sys


def clubs_of(nicknames):
    clubs = {}
    for w in nicknames:
        key = ''.join(sorted(w))
        clubs.setdefault(key, []).append(w)
    return list(clubs.values())


def distinct_words(rnd, count, make_word):
    seen, words = set(), []
    while len(words) < count:
        w = make_word()
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3131)
    low = string.ascii_lowercase

    def shuffled(word):
        letters = list(word)
        rnd.shuffle(letters)
        return ''.join(letters)

    def family_word(bases):
        return shuffled(rnd.choice(bases))

    cases = {
        '10-one-nickname': ['z'],
        '11-single-letters': list('qwertyuiopasdfghjklzxcvbnm'),
        '12-same-letters-different-counts': ['ab', 'aab', 'abb', 'ba', 'aba', 'bba', 'bab', 'baa'],
        '13-all-one-club': [''.join(p) for p in __import__('itertools').permutations('abcde')],
        '14-small-random': distinct_words(rnd, 30, lambda: ''.join(rnd.choice('abc') for _ in range(rnd.randint(1, 4)))),
    }
    bases = [''.join(rnd.choices(low, k=rnd.randint(8, 20))) for _ in range(2000)]
    cases['15-max-families'] = distinct_words(rnd, 100_000, lambda: family_word(bases))
    cases['16-max-all-different'] = distinct_words(rnd, 100_000, lambda: ''.join(rnd.choices(low, k=20)))
    cases['17-max-two-letters'] = distinct_words(rnd, 100_000, lambda: ''.join(rnd.choices('ab', k=20)))
    cases['18-max-short'] = distinct_words(rnd, 18_000, lambda: ''.join(rnd.choice(low) for _ in range(rnd.randint(1, 3))))
    for name, nicknames in cases.items():
        clubs = clubs_of(nicknames)
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(nicknames)}\n' + '\n'.join(nicknames) + '\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(f'{len(clubs)}\n' + '\n'.join(' '.join(c) for c in clubs) + '\n')


if __name__ == '__main__':
    main()
