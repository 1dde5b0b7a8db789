#!/usr/bin/env python3
"""Generated tests for flooded-cellar: python3 gen.py OUTDIR (deterministic).

Each .out holds the jury's shortest route (any shortest route is accepted by checker.cpp)."""
import os
import random
import sys
from collections import deque


def solve(grid):
    rows, cols = len(grid), len(grid[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == 'S')
    parent = {start: None}
    queue = deque([start])
    while queue:
        r, c = queue.popleft()
        if grid[r][c] == 'E':
            route = []
            cell = (r, c)
            while parent[cell] is not None:
                pr, pc = parent[cell]
                route.append({(-1, 0): 'U', (1, 0): 'D', (0, -1): 'L', (0, 1): 'R'}[(cell[0] - pr, cell[1] - pc)])
                cell = parent[cell]
            return f'{len(route)}\n{"".join(reversed(route))}\n'
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != '#' and (nr, nc) not in parent:
                parent[(nr, nc)] = (r, c)
                queue.append((nr, nc))
    return '-1\n'


def place(grid, r, c, ch):
    grid[r] = grid[r][:c] + ch + grid[r][c + 1:]


def random_cellar(rnd, rows, cols, wall_share):
    grid = [''.join('#' if rnd.random() < wall_share else '.' for _ in range(cols)) for _ in range(rows)]
    place(grid, 0, 0, 'S')
    place(grid, rows - 1, cols - 1, 'E')
    return grid


def reachable_cellar(rnd, rows, cols, wall_share):
    while True:
        grid = random_cellar(rnd, rows, cols, wall_share)
        if solve(grid) != '-1\n':
            return grid


def snake(rows, cols):
    """Walls in every other row with a gap alternating left/right: the route winds through all."""
    grid = []
    for r in range(rows):
        if r % 2 == 0:
            grid.append('.' * cols)
        elif r % 4 == 1:
            grid.append('#' * (cols - 1) + '.')
        else:
            grid.append('.' + '#' * (cols - 1))
    place(grid, 0, 0, 'S')
    last = rows - 1 if rows % 2 else rows - 2
    place(grid, last, 0 if (last // 2) % 2 else cols - 1, 'E')
    return grid


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(2727)
    cases = {
        '10-two-cells': ['SE'],
        '11-column': ['E', '.', '.', 'S'],
        '12-walled-in': ['#.#', '#S#', '###', '..E'],
        '13-exit-walled': ['S....', '...#.', '..#E#', '...#.'],
        '14-small-random': random_cellar(rnd, 8, 9, 0.25),
        '15-open-hall': ['S' + '.' * 499] + ['.' * 500] * 498 + ['.' * 499 + 'E'],
        '16-snake': snake(499, 500),
        '17-random-max': reachable_cellar(rnd, 500, 500, 0.3),
        '21-random-max-dense': reachable_cellar(rnd, 500, 500, 0.38),
        '18-random-max-unreachable': random_cellar(rnd, 500, 500, 0.45),
        '19-one-row': ['E' + '.' * 498 + 'S'],
    }
    # a large cellar split by a solid wall with one gap
    split = random_cellar(rnd, 500, 500, 0.1)
    split[250] = '#' * 377 + '.' + '#' * 122
    cases['20-one-gap'] = split
    for name, grid in cases.items():
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{len(grid)} {len(grid[0])}\n' + '\n'.join(grid) + '\n')
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(solve(grid))


if __name__ == '__main__':
    main()
