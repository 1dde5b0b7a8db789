#include <cstdio>

int main() {
    int n;
    long long threshold;
    if (scanf("%d %lld", &n, &threshold) != 2) return 0;
    long long count = 0, total = 0;
    for (int i = 0; i < n; i++) {
        long long b;
        scanf("%lld", &b);
        if (b >= threshold) {
            count++;
            total += b;
        }
    }
    printf("%lld %lld\n", count, total);
    return 0;
}
