#!/usr/bin/env python3
"""Generated tests for lucky-tickets: python3 gen.py OUTDIR (deterministic).

Answers: counts of free digit suffixes by exact digit sum; the first queries of every test are
cross-checked by a memoised digit DP over (position, sum, tight), small ranges by brute force."""
import os
import random
import sys
from functools import lru_cache


def counter(m):
    # exact[n][s]: digit strings of length n with digit sum exactly s
    exact = [[1]]
    for n in range(1, 20):
        prev = exact[-1]
        exact.append([sum(prev[s - d] for d in range(10) if 0 <= s - d < len(prev)) for s in range(9 * n + 1)])
    lucky_rest = [[sum(c for s, c in enumerate(row) if (s + p) % m == 0) for p in range(m)] for row in exact]

    def lucky_up_to(limit):
        digits = str(limit)
        count, prefix = 0, 0
        for i, ch in enumerate(digits):
            rest = lucky_rest[len(digits) - i - 1]
            for d in range(int(ch)):
                count += rest[(prefix + d) % m]
            prefix += int(ch)
        return count + (prefix % m == 0)

    return lambda a, b: lucky_up_to(b) - lucky_up_to(a - 1)


def memo_counter(m):
    def lucky_up_to(limit):
        digits = tuple(map(int, str(limit)))

        @lru_cache(maxsize=None)
        def go(pos, total, tight):
            if pos == len(digits):
                return 1 if total % m == 0 else 0
            top = digits[pos] if tight else 9
            return sum(go(pos + 1, (total + d) % m, tight and d == top) for d in range(top + 1))

        return go(0, 0, True)

    return lambda a, b: lucky_up_to(b) - lucky_up_to(a - 1)


def brute(m, a, b):
    return sum(1 for x in range(a, b + 1) if sum(map(int, str(x))) % m == 0)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(4040)
    top = 10 ** 18

    def rand_range(hi):
        a, b = rnd.randint(1, hi), rnd.randint(1, hi)
        return (min(a, b), max(a, b))

    cases = {
        '10-m-one': (1, [(1, 1), (1, top), (5, 9)]),            # every ticket is lucky
        '11-single-tickets': (9, [(x, x) for x in (1, 9, 18, 99, 100, 999_999_999_999_999_999, top)]),
        '12-small-brute': (4, [rand_range(500) for _ in range(40)]),
        '13-m-larger-than-any-sum': (200, [(1, top), (10 ** 17, top)]),   # digit sums stay <= 162
        '14-m-162': (162, [(1, top), (999_999_999_999_999_999, top), (1, 10 ** 17)]),  # only 18 nines
        '15-powers-of-ten': (3, [(10 ** i, 10 ** j) for i in range(0, 19) for j in (i, 18)]),
        '16-max-random-m7': (7, [rand_range(top) for _ in range(5000)]),
        '17-max-random-m200': (200, [rand_range(top) for _ in range(5000)]),
        '18-max-wide-m13': (13, [(rnd.randint(1, 100), top - rnd.randint(0, 100)) for _ in range(5000)]),
        '19-max-narrow-m2': (2, [(x, x + rnd.randint(0, 20)) for x in (rnd.randint(1, top - 20) for _ in range(5000))]),
    }
    for name, (m, queries) in cases.items():
        count = counter(m)
        answers = [count(a, b) for a, b in queries]
        slow_count = memo_counter(m)
        for (a, b), ans in list(zip(queries, answers))[:10]:
            assert ans == slow_count(a, b), (name, a, b)
        for (a, b), ans in zip(queries, answers):
            if b - a <= 1000:
                assert ans == brute(m, a, b), (name, a, b)
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{m} {len(queries)}\n' + ''.join(f'{a} {b}\n' for a, b in queries))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(''.join(f'{x}\n' for x in answers))


if __name__ == '__main__':
    main()
