#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<double> x(n), v(n);
    for (int i = 0; i < n; i++) scanf("%lf %lf", &x[i], &v[i]);
    // Everyone can meet by time t iff the reachable intervals [x-vt, x+vt] share a point.
    double lo = 0, hi = 2e9;
    for (int iter = 0; iter < 100; iter++) {
        double t = (lo + hi) / 2, left = -1e18, right = 1e18;
        for (int i = 0; i < n; i++) {
            left = max(left, x[i] - v[i] * t);
            right = min(right, x[i] + v[i] * t);
        }
        (left <= right ? hi : lo) = t;
    }
    printf("%.9f\n", hi);
    return 0;
}
