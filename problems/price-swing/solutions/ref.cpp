#include <climits>
#include <cstdio>

int main() {
    int n;
    scanf("%d", &n);
    long long cheapest, best = LLONG_MIN;
    scanf("%lld", &cheapest);
    for (int j = 1; j < n; j++) {
        long long price;
        scanf("%lld", &price);
        if (price - cheapest > best) best = price - cheapest;
        if (price < cheapest) cheapest = price;
    }
    printf("%lld\n", best);
}
