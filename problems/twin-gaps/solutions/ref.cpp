#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long k;
    scanf("%d %lld", &n, &k);
    vector<long long> w(n);
    for (auto& x : w) scanf("%lld", &x);
    sort(w.begin(), w.end());
    long long pairs = 0;
    for (int i = 0; i < n; i++) {
        // partners of w[i] that come after it in sorted order: the value w[i] + k
        auto range = equal_range(w.begin() + i + 1, w.end(), w[i] + k);
        pairs += range.second - range.first;
    }
    printf("%lld\n", pairs);
    return 0;
}
