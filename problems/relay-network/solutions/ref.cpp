#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    vector<vector<pair<int, long long>>> out(n + 1);
    for (int j = 0; j < m; j++) {
        int u, v;
        long long w;
        scanf("%d %d %lld", &u, &v, &w);
        out[u].push_back({v, w});
    }
    vector<long long> dist(n + 1, -1);
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> frontier;
    frontier.push({0, 1});
    while (!frontier.empty()) {
        auto [d, u] = frontier.top();
        frontier.pop();
        if (dist[u] != -1) continue;  // settled earlier with a shorter time
        dist[u] = d;
        for (auto [v, w] : out[u])
            if (dist[v] == -1) frontier.push({d + w, v});
    }
    for (int i = 1; i <= n; i++) printf("%lld%c", dist[i], i == n ? '\n' : ' ');
    return 0;
}
