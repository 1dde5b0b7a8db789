#!/usr/bin/env python3
"""Generated tests for card-check: python3 gen.py OUTDIR (deterministic)."""
import os
import random
import sys


def luhn_sum(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        total += (2 * d - 9 if 2 * d > 9 else 2 * d) if i % 2 else d
    return total


def with_check_digit(rnd, body):
    """Appends the digit that makes body valid."""
    for d in '0123456789':
        if luhn_sum(body + d) % 10 == 0:
            return body + d
    raise AssertionError


def random_number(rnd, length, make_valid, digits='0123456789'):
    body = ''.join(rnd.choice(digits) for _ in range(length - 1))
    number = with_check_digit(rnd, body)
    if not make_valid:
        last = int(number[-1])
        number = number[:-1] + str((last + rnd.randint(1, 9)) % 10)
    return number


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2222)
    cases = {}
    cases['10-two-digits'] = [f'{a}{b}' for a in range(10) for b in range(10)]
    cases['11-three-digits'] = [f'{a}{b}{c}' for a in range(10) for b in range(10) for c in (0, 5, 9)]
    # doubled 5..9 are the only digits where "subtract 9" matters
    cases['12-big-doubled-digits'] = [random_number(rnd, rnd.randint(2, 30), rnd.random() < 0.5, '56789') for _ in range(300)]
    cases['13-odd-lengths'] = [random_number(rnd, 2 * rnd.randint(1, 49) + 1, rnd.random() < 0.5) for _ in range(300)]
    cases['14-even-lengths'] = [random_number(rnd, 2 * rnd.randint(1, 50), rnd.random() < 0.5) for _ in range(300)]
    # an adjacent swap keeps the plain digit sum but not the check: catches "sum without doubling"
    swapped = []
    for _ in range(300):
        n = list(random_number(rnd, rnd.randint(4, 40), True))
        i = rnd.randrange(len(n) - 1)
        n[i], n[i + 1] = n[i + 1], n[i]
        swapped.append(''.join(n))
    cases['15-adjacent-swaps'] = swapped
    cases['16-leading-zeros'] = ['00', '0000000000', '0018', '0000000059', '0000000095']
    cases['17-max-batch'] = [random_number(rnd, 100, rnd.random() < 0.5) for _ in range(10_000)]
    cases['18-max-nines'] = ['9' * 100, '9' * 99, '9' * 98 + '2', '9' * 99 + '1'] * 2500
    for name, numbers in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(numbers)}\n' + '\n'.join(numbers) + '\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write('\n'.join('VALID' if luhn_sum(n) % 10 == 0 else 'INVALID' for n in numbers) + '\n')


if __name__ == '__main__':
    main()
