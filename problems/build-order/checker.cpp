// Checker for build-order: checker INPUT EXPECTED ACTUAL; exit 0 = accepted, 1 = wrong answer,
// 3 = the checker itself failed (bad files): the judge reports that as an internal error.
// The expected file only tells whether an order exists; any valid order of the contestant is accepted.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

static int verdict(int code, const std::string& reason) {
    printf("%s\n", reason.c_str());
    return code;
}

static bool readToken(FILE* f, std::string& token) {
    char buffer[64];
    if (fscanf(f, "%63s", buffer) != 1) return false;
    token = buffer;
    return true;
}

static bool parseStep(const std::string& token, int n, int& step) {
    if (token.empty() || token.size() > 7) return false;
    step = 0;
    for (char c : token) {
        if (c < '0' || c > '9') return false;
        step = step * 10 + (c - '0');
    }
    return step >= 1 && step <= n;
}

int main(int argc, char** argv) {
    if (argc != 4) return verdict(3, "usage: checker INPUT EXPECTED ACTUAL");
    FILE* input = fopen(argv[1], "r");
    FILE* expected = fopen(argv[2], "r");
    FILE* actual = fopen(argv[3], "r");
    if (!input || !expected || !actual) return verdict(3, "cannot open files");

    int n, m;
    if (fscanf(input, "%d %d", &n, &m) != 2) return verdict(3, "bad input file");
    std::vector<int> from(m), to(m);
    for (int j = 0; j < m; j++)
        if (fscanf(input, "%d %d", &from[j], &to[j]) != 2) return verdict(3, "bad input file");

    std::string first, token;
    if (!readToken(expected, first)) return verdict(3, "empty expected file");
    bool possible = first != "IMPOSSIBLE";

    if (!readToken(actual, token)) return verdict(1, "empty output");
    if (token == "IMPOSSIBLE") {
        return possible ? verdict(1, "said IMPOSSIBLE but a valid order exists") : verdict(0, "ok: IMPOSSIBLE");
    }
    if (!possible) return verdict(1, "printed an order but the rules contain a cycle");

    std::vector<int> position(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        if (i > 1 && !readToken(actual, token)) return verdict(1, "order has only " + std::to_string(i - 1) + " steps");
        int step;
        if (!parseStep(token, n, step)) return verdict(1, "not a step number: " + token.substr(0, 20));
        if (position[step]) return verdict(1, "step " + std::to_string(step) + " appears twice");
        position[step] = i;
    }
    if (readToken(actual, token)) return verdict(1, "extra output after " + std::to_string(n) + " steps");
    for (int j = 0; j < m; j++) {
        if (position[from[j]] > position[to[j]])
            return verdict(1, "rule " + std::to_string(from[j]) + " before " + std::to_string(to[j]) + " is broken");
    }
    return verdict(0, "ok");
}
