#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<int> h(n);
    for (auto& x : h) scanf("%d", &x);
    vector<int> sorted = h;
    sort(sorted.begin(), sorted.end());
    sorted.erase(unique(sorted.begin(), sorted.end()), sorted.end());
    vector<int> tree(sorted.size() + 1, 0);  // Fenwick tree over height ranks seen so far
    long long swaps = 0;
    for (int i = 0; i < n; i++) {
        int rank = lower_bound(sorted.begin(), sorted.end(), h[i]) - sorted.begin() + 1;
        int notTaller = 0;  // books already placed that are not taller than h[i]
        for (int k = rank; k > 0; k -= k & -k) notTaller += tree[k];
        swaps += i - notTaller;  // every taller book to the left must pass over this one
        for (int k = rank; k < (int) tree.size(); k += k & -k) tree[k]++;
    }
    printf("%lld\n", swaps);
    return 0;
}
