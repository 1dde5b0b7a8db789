#include <bits/stdc++.h>
using namespace std;

int main() {
    int length, m;
    scanf("%d %d", &length, &m);
    vector<long long> best(length + 1, -1);  // best[x]: top price for exactly x cm, -1 if impossible
    best[0] = 0;
    vector<pair<int, long long>> pieces(m);
    for (auto& [p, c] : pieces) scanf("%d %lld", &p, &c);
    for (int x = 1; x <= length; x++)
        for (auto [p, c] : pieces)
            if (p <= x && best[x - p] >= 0) best[x] = max(best[x], best[x - p] + c);
    printf("%lld\n", best[length]);
    return 0;
}
