import sys
from bisect import bisect_left


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    barrels = sorted(zip(map(int, data[2:2 + 2 * n:2]), map(int, data[3:3 + 2 * n:2])))
    area, moment = [0], [0]
    for bottom, a in barrels:
        area.append(area[-1] + a)
        moment.append(moment[-1] + a * bottom)
    # fill[m - 1]: volume that brings the surface up to the bottom of barrel m (0-based)
    fill = [area[m] * barrels[m][0] - moment[m] for m in range(1, n)]
    out = []
    for token in data[2 + 2 * n:]:
        volume = int(token)
        wet = bisect_left(fill, volume) + 1
        out.append('%.9f' % ((volume + moment[wet]) / area[wet]))
    print('\n'.join(out))


main()
