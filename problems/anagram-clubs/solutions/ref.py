import sys

clubs = {}
for nickname in sys.stdin.read().split()[1:]:
    clubs.setdefault(''.join(sorted(nickname)), []).append(nickname)
print(len(clubs))
print('\n'.join(' '.join(members) for members in clubs.values()))
