// O(N^2): tries every pair.
#include <cstdio>
#include <cstdlib>
#include <vector>

int main() {
    int n;
    long long k;
    scanf("%d %lld", &n, &k);
    std::vector<long long> w(n);
    for (auto& x : w) scanf("%lld", &x);
    long long pairs = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (std::llabs(w[i] - w[j]) == k) pairs++;
    printf("%lld\n", pairs);
    return 0;
}
