#include <cstdio>

int main() {
    int n;
    scanf("%d", &n);
    double distance = 0, hours = 0;
    for (int i = 0; i < n; i++) {
        int d, v;
        scanf("%d %d", &d, &v);
        distance += d;
        hours += (double) d / v;
    }
    printf("%.9f\n", distance / hours);
    return 0;
}
