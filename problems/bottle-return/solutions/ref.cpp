#include <cstdio>

int main() {
    int q;
    scanf("%d", &q);
    while (q--) {
        long long n, k;
        scanf("%lld %lld", &n, &k);
        // Every trade turns k empties into one new empty: k - 1 fewer. Trading stops when
        // fewer than k empties are left, so at most n - 1 empties can be traded away.
        printf("%lld\n", n + (n - 1) / (k - 1));
    }
}
