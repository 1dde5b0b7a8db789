#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int q;
    scanf("%d", &q);
    std::vector<int> l(q), r(q);
    for (int i = 0; i < q; i++) scanf("%d %d", &l[i], &r[i]);
    int limit = *std::max_element(r.begin(), r.end());
    // sieve of Eratosthenes, then primesUpTo[x] = number of primes <= x
    std::vector<bool> composite(limit + 1, false);
    std::vector<int> primesUpTo(limit + 1, 0);
    for (int x = 2; x <= limit; x++) {
        if (!composite[x])
            for (long long m = (long long)x * x; m <= limit; m += x) composite[m] = true;
        primesUpTo[x] = primesUpTo[x - 1] + (composite[x] ? 0 : 1);
    }
    for (int i = 0; i < q; i++) printf("%d\n", primesUpTo[r[i]] - primesUpTo[l[i] - 1]);
}
