#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n;
    scanf("%d", &n);
    // a period l..r is balanced exactly when the running totals after day l-1 and day r match
    std::vector<long long> total(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        long long change;
        scanf("%lld", &change);
        total[i] = total[i - 1] + change;
    }
    std::sort(total.begin(), total.end());
    long long periods = 0;
    for (int i = 0, j = 0; i <= n; i = j) {
        while (j <= n && total[j] == total[i]) j++;
        long long same = j - i;
        periods += same * (same - 1) / 2;
    }
    printf("%lld\n", periods);
}
