// Quadratic: a mosaic with k dominoes is a choice of C(N-k, k) positions times 2^k colourings.
// The binomials come from Pascal's triangle built row by row: O(N^2), far too slow for N = 10^6.
#include <cstdio>
#include <vector>

int main() {
    const long long MOD = 1000000007;
    int n;
    scanf("%d", &n);
    std::vector<long long> row(n + 1, 0), pow2(n + 1, 1);
    for (int i = 1; i <= n; i++) pow2[i] = pow2[i - 1] * 2 % MOD;
    row[0] = 1;
    long long total = 0;
    for (int m = 0; m <= n; m++) {
        if (m > 0) {
            for (int j = m; j > 0; j--) row[j] = (row[j] + row[j - 1]) % MOD;
        }
        int k = n - m;  // row m holds C(m, k) with m = N - k
        if (k <= m) total = (total + row[k] * pow2[k]) % MOD;
    }
    printf("%lld\n", total);
    return 0;
}
