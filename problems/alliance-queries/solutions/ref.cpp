#include <bits/stdc++.h>
using namespace std;

vector<int> parent, members;

int root(int x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];  // path halving
        x = parent[x];
    }
    return x;
}

int main() {
    int n, q;
    scanf("%d %d", &n, &q);
    parent.resize(n + 1);
    members.assign(n + 1, 1);
    iota(parent.begin(), parent.end(), 0);
    while (q--) {
        int kind, a, b = 0;
        scanf("%d %d", &kind, &a);
        if (kind != 3) scanf("%d", &b);
        if (kind == 1) {
            int x = root(a), y = root(b);
            if (x == y) continue;
            if (members[x] < members[y]) swap(x, y);  // union by size
            parent[y] = x;
            members[x] += members[y];
        } else if (kind == 2) {
            puts(root(a) == root(b) ? "YES" : "NO");
        } else {
            printf("%d\n", members[root(a)]);
        }
    }
    return 0;
}
