import sys

data = list(map(int, sys.stdin.buffer.read().split()))
xs, vs = data[1::2], data[2::2]
pairs = list(zip(xs, vs))
# Everyone can meet by time t iff the reachable intervals [x - vt, x + vt] share a point.
lo, hi = 0.0, 2e9
for _ in range(64):
    t = (lo + hi) / 2
    if max([x - v * t for x, v in pairs]) <= min([x + v * t for x, v in pairs]):
        hi = t
    else:
        lo = t
print(f"{hi:.9f}")
