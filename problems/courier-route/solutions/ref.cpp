#include <algorithm>
#include <climits>
#include <cstdio>
#include <vector>

int main() {
    int n;
    scanf("%d", &n);
    std::vector<std::vector<long long>> t(n + 1, std::vector<long long>(n + 1));
    for (auto& row : t)
        for (long long& x : row) scanf("%lld", &x);
    // best[mask][last]: shortest ride from the depot through exactly the customers in mask
    // (bit c-1 for customer c), ending at customer last
    const long long INF = LLONG_MAX / 2;
    int full = 1 << n;
    std::vector<std::vector<long long>> best(full, std::vector<long long>(n + 1, INF));
    for (int c = 1; c <= n; c++) best[1 << (c - 1)][c] = t[0][c];
    for (int mask = 1; mask < full; mask++)
        for (int last = 1; last <= n; last++) {
            if (best[mask][last] == INF) continue;
            for (int next = 1; next <= n; next++) {
                if (mask & (1 << (next - 1))) continue;
                int grown = mask | (1 << (next - 1));
                best[grown][next] = std::min(best[grown][next], best[mask][last] + t[last][next]);
            }
        }
    long long answer = INF;
    for (int last = 1; last <= n; last++) answer = std::min(answer, best[full - 1][last] + t[last][0]);
    printf("%lld\n", answer);
}
