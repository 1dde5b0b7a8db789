import sys


def valid(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        digit = int(ch)
        if i % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


numbers = sys.stdin.read().split()[1:]
print('\n'.join('VALID' if valid(n) else 'INVALID' for n in numbers))
