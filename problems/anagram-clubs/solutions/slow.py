# Deliberately slow: compares each nickname with the first member of every club, O(n * clubs).
import sys

keys, clubs = [], []
for nickname in sys.stdin.read().split()[1:]:
    key = sorted(nickname)
    for i, existing in enumerate(keys):
        if existing == key:
            clubs[i].append(nickname)
            break
    else:
        keys.append(key)
        clubs.append([nickname])
print(len(clubs))
print('\n'.join(' '.join(members) for members in clubs))
