#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    const long long MOD = 1000000007;
    int q;
    scanf("%d", &q);
    std::vector<int> lengths(q);
    for (int& n : lengths) scanf("%d", &n);
    int longest = *std::max_element(lengths.begin(), lengths.end());
    // ways[i] = pavings of length i; the last tile is grey, red/blue, or white.
    std::vector<long long> ways(std::max(longest, 3) + 1);
    ways[0] = 1;
    ways[1] = 1;
    ways[2] = 3;
    for (int i = 3; i <= longest; i++) {
        ways[i] = (ways[i - 1] + 2 * ways[i - 2] + ways[i - 3]) % MOD;
    }
    for (int n : lengths) printf("%lld\n", ways[n]);
}
