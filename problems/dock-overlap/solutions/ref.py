import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n = data[0]
# Encode (minute, kind) in one integer: 2*t for a departure sorts before 2*t+1 for an arrival.
events = [2 * t for t in data[2::2]] + [2 * t + 1 for t in data[1::2]]
events.sort()
docked = best = 0
for e in events:
    if e & 1:
        docked += 1
        if docked > best:
            best = docked
    else:
        docked -= 1
print(best)
