#include <bits/stdc++.h>
using namespace std;

int main() {
    int r, c;
    scanf("%d %d", &r, &c);
    vector<string> grid(r);
    char buffer[1024];
    for (auto& row : grid) {
        scanf("%s", buffer);
        row = buffer;
    }
    int islands = 0, largest = 0;
    vector<pair<int, int>> stack;  // explicit stack: recursion would overflow on a 360 000-cell island
    for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
            if (grid[i][j] != '#') continue;
            islands++;
            int area = 0;
            grid[i][j] = '.';
            stack.push_back({i, j});
            while (!stack.empty()) {
                auto [y, x] = stack.back();
                stack.pop_back();
                area++;
                const int dy[] = {-1, 1, 0, 0}, dx[] = {0, 0, -1, 1};
                for (int d = 0; d < 4; d++) {
                    int ny = y + dy[d], nx = x + dx[d];
                    if (ny >= 0 && ny < r && nx >= 0 && nx < c && grid[ny][nx] == '#') {
                        grid[ny][nx] = '.';
                        stack.push_back({ny, nx});
                    }
                }
            }
            largest = max(largest, area);
        }
    }
    printf("%d %d\n", islands, largest);
    return 0;
}
