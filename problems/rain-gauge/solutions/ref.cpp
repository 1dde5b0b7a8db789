#include <cstdio>

int main() {
    int n;
    scanf("%d", &n);
    long long total = 0;
    int rises = 0;
    long long previous = -1;
    for (int i = 0; i < n; i++) {
        long long r;
        scanf("%lld", &r);
        total += r;
        if (i > 0 && r > previous) rises++;
        previous = r;
    }
    printf("%lld %d\n", total, rises);
}
