import sys


def main():
    data = sys.stdin.read().split()
    rows, cols = int(data[0]), int(data[1])
    width = cols + 2  # a wall border around the grid removes bounds checks
    cells = '#' * width + ''.join('#' + line + '#' for line in data[2:2 + rows]) + '#' * width
    start, goal = cells.index('S'), cells.index('E')
    moves = ((-width, 'U'), (width, 'D'), (-1, 'L'), (1, 'R'))
    came_from = [None] * len(cells)
    came_from[start] = start
    frontier = [start]
    while frontier and came_from[goal] is None:
        nxt = []
        for cell in frontier:
            for step, _ in moves:
                n = cell + step
                if came_from[n] is None and cells[n] != '#':
                    came_from[n] = cell
                    nxt.append(n)
        frontier = nxt
    if came_from[goal] is None:
        print(-1)
        return
    letter = {step: name for step, name in moves}
    route = []
    cell = goal
    while cell != start:
        prev = came_from[cell]
        route.append(letter[cell - prev])
        cell = prev
    print(len(route))
    print(''.join(reversed(route)))


main()
