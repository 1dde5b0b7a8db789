// Bellman-Ford with early exit: O(N*M) when edges come in an unlucky order.
#include <cstdio>
#include <vector>

int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    std::vector<int> u(m), v(m);
    std::vector<long long> w(m);
    for (int j = 0; j < m; j++) scanf("%d %d %lld", &u[j], &v[j], &w[j]);
    std::vector<long long> dist(n + 1, -1);
    dist[1] = 0;
    for (int round = 1; round < n; round++) {
        bool changed = false;
        for (int j = 0; j < m; j++) {
            if (dist[u[j]] != -1 && (dist[v[j]] == -1 || dist[u[j]] + w[j] < dist[v[j]])) {
                dist[v[j]] = dist[u[j]] + w[j];
                changed = true;
            }
        }
        if (!changed) break;
    }
    for (int i = 1; i <= n; i++) printf("%lld%c", dist[i], i == n ? '\n' : ' ');
    return 0;
}
