#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    int rows, cols;
    std::cin >> rows >> cols;
    std::vector<std::string> grid(rows);
    int start = 0, exit = 0;
    for (int r = 0; r < rows; r++) {
        std::cin >> grid[r];
        for (int c = 0; c < cols; c++) {
            if (grid[r][c] == 'S') start = r * cols + c;
            if (grid[r][c] == 'E') exit = r * cols + c;
        }
    }
    const int dr[] = {-1, 1, 0, 0}, dc[] = {0, 0, -1, 1};
    const char letter[] = {'U', 'D', 'L', 'R'};
    // cameBy[cell] = index of the move that first reached the cell, -1 if not reached yet
    std::vector<int> cameBy(rows * cols, -1), queue{start};
    cameBy[start] = 4;
    for (size_t head = 0; head < queue.size() && cameBy[exit] < 0; head++) {
        int r = queue[head] / cols, c = queue[head] % cols;
        for (int d = 0; d < 4; d++) {
            int nr = r + dr[d], nc = c + dc[d];
            if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || grid[nr][nc] == '#') continue;
            if (cameBy[nr * cols + nc] >= 0) continue;
            cameBy[nr * cols + nc] = d;
            queue.push_back(nr * cols + nc);
        }
    }
    if (cameBy[exit] < 0) {
        std::cout << -1 << '\n';
        return 0;
    }
    std::string route;
    for (int cell = exit; cell != start;) {
        int d = cameBy[cell];
        route += letter[d];
        cell = (cell / cols - dr[d]) * cols + (cell % cols - dc[d]);
    }
    std::reverse(route.begin(), route.end());
    std::cout << route.size() << '\n' << route << '\n';
}
