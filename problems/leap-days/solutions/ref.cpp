#include <cstdio>

// Leap years among 1..y.
long long leapsUpTo(long long y) {
    return y / 4 - y / 100 + y / 400;
}

int main() {
    int q;
    scanf("%d", &q);
    while (q--) {
        long long a, b;
        scanf("%lld %lld", &a, &b);
        printf("%lld\n", leapsUpTo(b) - leapsUpTo(a - 1));
    }
}
