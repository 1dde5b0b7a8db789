#include <cstdio>

int main() {
    const long long MOD = 1000000007;
    int n;
    scanf("%d", &n);
    long long before = 1, current = 1;  // mosaics of length i-1 and i, starting at i = 1
    for (int i = 2; i <= n; i++) {
        long long next = (current + 2 * before) % MOD;
        before = current;
        current = next;
    }
    printf("%lld\n", current);
    return 0;
}
