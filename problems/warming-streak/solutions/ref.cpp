#include <cstdio>

int main() {
    int n;
    scanf("%d", &n);
    long long previous;
    scanf("%lld", &previous);
    int bestLength = 1, bestStart = 1, start = 1;
    for (int day = 2; day <= n; day++) {
        long long t;
        scanf("%lld", &t);
        if (t <= previous) start = day;
        if (day - start + 1 > bestLength) {
            bestLength = day - start + 1;
            bestStart = start;
        }
        previous = t;
    }
    printf("%d %d\n", bestLength, bestStart);
    return 0;
}
