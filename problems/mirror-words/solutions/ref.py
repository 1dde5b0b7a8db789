import sys

names = sys.stdin.read().split()[1:]
print('\n'.join('YES' if w.lower() == w.lower()[::-1] else 'NO' for w in names))
