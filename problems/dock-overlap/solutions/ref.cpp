#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<pair<int, int>> events;  // (minute, +1 arrival / -1 departure)
    events.reserve(2 * n);
    for (int i = 0; i < n; i++) {
        int a, b;
        scanf("%d %d", &a, &b);
        events.push_back({a, +1});
        events.push_back({b, -1});
    }
    // At equal minutes departures (-1) sort before arrivals: stays are half-open.
    sort(events.begin(), events.end());
    int docked = 0, best = 0;
    for (auto& e : events) {
        docked += e.second;
        best = max(best, docked);
    }
    printf("%d\n", best);
    return 0;
}
