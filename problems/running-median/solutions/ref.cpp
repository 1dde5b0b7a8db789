#include <bits/stdc++.h>
using namespace std;

// The window is split into `low` (the ceil(K/2) smallest) and `high`; the lower median is the
// largest element of `low`. Multisets let us erase the reading that leaves the window.
int main() {
    int n, k;
    scanf("%d %d", &n, &k);
    vector<long long> h(n);
    for (auto& x : h) scanf("%lld", &x);
    multiset<long long> low, high;
    auto rebalance = [&] {
        while (low.size() > high.size() + 1) {
            high.insert(*prev(low.end()));
            low.erase(prev(low.end()));
        }
        while (low.size() < high.size()) {
            low.insert(*high.begin());
            high.erase(high.begin());
        }
    };
    string out;
    for (int i = 0; i < n; i++) {
        if (low.empty() || h[i] <= *prev(low.end())) low.insert(h[i]);
        else high.insert(h[i]);
        if (i >= k) {
            long long gone = h[i - k];
            auto it = low.find(gone);
            if (it != low.end()) low.erase(it);
            else high.erase(high.find(gone));
        }
        rebalance();
        if (i >= k - 1) {
            out += to_string(*prev(low.end()));
            out += i == n - 1 ? '\n' : ' ';
        }
    }
    fputs(out.c_str(), stdout);
    return 0;
}
