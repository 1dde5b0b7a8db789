// Checker for flooded-cellar: checker INPUT EXPECTED ACTUAL
// Accepts any route of the optimal length that walks from S to E through free cells.
// Exit 0 = accepted, 1 = wrong answer, 2 = the contestant beat the jury (jury error).
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

int verdict(int code, const std::string& reason) {
    std::cout << reason << '\n';
    return code;
}

bool readInteger(std::istream& in, long long& value) {
    std::string token;
    if (!(in >> token) || token.empty() || token.size() > 18) return false;
    size_t start = token[0] == '-' ? 1 : 0;
    if (start == token.size()) return false;
    for (size_t i = start; i < token.size(); i++)
        if (token[i] < '0' || token[i] > '9') return false;
    value = std::stoll(token);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) return verdict(3, "usage: checker INPUT EXPECTED ACTUAL");
    std::ifstream input(argv[1]), expected(argv[2]), actual(argv[3]);
    int rows, cols;
    input >> rows >> cols;
    std::vector<std::string> grid(rows);
    int row = -1, col = -1;
    for (int r = 0; r < rows; r++) {
        input >> grid[r];
        for (int c = 0; c < cols; c++)
            if (grid[r][c] == 'S') row = r, col = c;
    }
    long long best;
    if (!readInteger(expected, best)) return verdict(3, "expected answer is unreadable");

    long long steps;
    if (!readInteger(actual, steps)) return verdict(1, "first token is not an integer");
    std::string route, extra;
    if (best == -1) {
        if (steps != -1) return verdict(1, "the staircase is unreachable, expected -1");
        if (actual >> extra) return verdict(1, "extra output after -1");
        return verdict(0, "ok, unreachable");
    }
    if (steps == -1) return verdict(1, "answered -1 but the staircase is reachable");
    if (steps > best) return verdict(1, "route length " + std::to_string(steps) + " is not the shortest " + std::to_string(best));
    if (steps < 0) return verdict(1, "negative length");
    if (!(actual >> route)) return verdict(1, "missing route");
    if ((long long)route.size() != steps) return verdict(1, "route has " + std::to_string(route.size()) + " letters, announced " + std::to_string(steps));
    if (actual >> extra) return verdict(1, "extra output after the route");
    for (size_t i = 0; i < route.size(); i++) {
        switch (route[i]) {
            case 'U': row--; break;
            case 'D': row++; break;
            case 'L': col--; break;
            case 'R': col++; break;
            default: return verdict(1, "bad letter at step " + std::to_string(i + 1));
        }
        if (row < 0 || row >= rows || col < 0 || col >= cols)
            return verdict(1, "step " + std::to_string(i + 1) + " leaves the cellar");
        if (grid[row][col] == '#')
            return verdict(1, "step " + std::to_string(i + 1) + " walks into a wall");
    }
    if (grid[row][col] != 'E') return verdict(1, "the route does not end at the staircase");
    if (steps < best) return verdict(2, "contestant found a shorter route than the jury");
    return verdict(0, "ok, " + std::to_string(steps) + " steps");
}
