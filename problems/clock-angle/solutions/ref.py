import sys

data = list(map(int, sys.stdin.read().split()))
out = []
for i in range(data[0]):
    h, m, s = data[1 + 3 * i:4 + 3 * i]
    angle = abs(((h % 12) * 3600 + m * 60 + s) / 120 - (m * 60 + s) / 10)
    out.append('%.9f' % min(angle, 360 - angle))
print('\n'.join(out))
