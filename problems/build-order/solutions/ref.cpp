#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    vector<vector<int>> after(n + 1);
    vector<int> waitingOn(n + 1, 0);
    for (int j = 0; j < m; j++) {
        int a, b;
        scanf("%d %d", &a, &b);
        after[a].push_back(b);
        waitingOn[b]++;
    }
    vector<int> order;
    order.reserve(n);
    for (int i = 1; i <= n; i++)
        if (waitingOn[i] == 0) order.push_back(i);
    for (size_t k = 0; k < order.size(); k++)  // order doubles as the queue (Kahn)
        for (int next : after[order[k]])
            if (--waitingOn[next] == 0) order.push_back(next);
    if ((int) order.size() < n) {
        puts("IMPOSSIBLE");
        return 0;
    }
    for (int i = 0; i < n; i++) printf("%d%c", order[i], i + 1 == n ? '\n' : ' ');
    return 0;
}
