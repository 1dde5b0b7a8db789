#include <cstdio>
#include <vector>

int n;
std::vector<long long> fenwick;  // difference array over DFS order, for range add / point query

void add(int i, long long x) {
    for (; i <= n; i += i & -i) fenwick[i] += x;
}

long long prefix(int i) {
    long long s = 0;
    for (; i > 0; i -= i & -i) s += fenwick[i];
    return s;
}

int main() {
    int q;
    scanf("%d %d", &n, &q);
    std::vector<std::vector<int>> reports(n + 1);
    for (int i = 2; i <= n; i++) {
        int p;
        scanf("%d", &p);
        reports[p].push_back(i);
    }
    // number members in DFS order: the team of v is the range [first[v], last[v]]
    std::vector<int> first(n + 1), last(n + 1), stack{1};
    int clock = 0;
    std::vector<size_t> next(n + 1, 0);
    first[1] = ++clock;
    while (!stack.empty()) {
        int v = stack.back();
        if (next[v] < reports[v].size()) {
            int child = reports[v][next[v]++];
            first[child] = ++clock;
            stack.push_back(child);
        } else {
            last[v] = clock;
            stack.pop_back();
        }
    }
    fenwick.assign(n + 2, 0);
    while (q--) {
        int type, v;
        scanf("%d %d", &type, &v);
        if (type == 1) {
            long long x;
            scanf("%lld", &x);
            add(first[v], x);
            add(last[v] + 1, -x);
        } else {
            printf("%lld\n", prefix(first[v]));
        }
    }
}
