#include <cstdio>

int main() {
    int n;
    scanf("%d", &n);
    double distance = 0, time = 0;
    for (int i = 0; i < n; i++) {
        double d, v;
        scanf("%lf %lf", &d, &v);
        distance += d;
        time += d / v;
    }
    printf("%.9f\n", distance / time);
}
