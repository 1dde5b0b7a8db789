#include <algorithm>
#include <cstdio>
#include <numeric>
#include <tuple>
#include <vector>

std::vector<int> parent;

int root(int v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
}

int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    std::vector<std::tuple<int, int, int>> routes(m);  // (cost, u, v)
    for (auto& [w, u, v] : routes) scanf("%d %d %d", &u, &v, &w);
    std::sort(routes.begin(), routes.end());
    parent.resize(n + 1);
    std::iota(parent.begin(), parent.end(), 0);
    // Kruskal: take the cheapest route that joins two still separate groups
    long long cost = 0;
    int groups = n;
    for (auto& [w, u, v] : routes) {
        int a = root(u), b = root(v);
        if (a == b) continue;
        parent[a] = b;
        cost += w;
        groups--;
    }
    printf("%lld\n", groups == 1 ? cost : -1LL);
}
