#include <cstdio>
#include <vector>

const long long MOD = 1000000007;
using Matrix = std::vector<std::vector<long long>>;

Matrix multiply(const Matrix& a, const Matrix& b) {
    int n = a.size();
    Matrix c(n, std::vector<long long>(n, 0));
    for (int i = 0; i < n; i++)
        for (int m = 0; m < n; m++) {
            if (a[i][m] == 0) continue;
            for (int j = 0; j < n; j++) c[i][j] = (c[i][j] + a[i][m] * b[m][j]) % MOD;
        }
    return c;
}

int main() {
    int n;
    long long k;
    scanf("%d %lld", &n, &k);
    Matrix power(n, std::vector<long long>(n));
    for (int i = 0; i < n; i++) {
        char line[64];
        scanf("%s", line);
        for (int j = 0; j < n; j++) power[i][j] = line[j] - '0';
    }
    // walks[i][j] counts walks of the length processed so far; start with length 0 (identity)
    Matrix walks(n, std::vector<long long>(n, 0));
    for (int i = 0; i < n; i++) walks[i][i] = 1;
    for (; k > 0; k >>= 1) {
        if (k & 1) walks = multiply(walks, power);
        power = multiply(power, power);
    }
    printf("%lld\n", walks[0][n - 1]);
}
