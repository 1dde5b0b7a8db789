#include <algorithm>
#include <cstdio>
#include <vector>

// Fewest walkers needed if nobody may walk more than limit metres (each d_i <= limit).
int walkersNeeded(const std::vector<long long>& d, long long limit) {
    int walkers = 1;
    long long current = 0;
    for (long long stage : d) {
        if (current + stage > limit) {
            walkers++;
            current = 0;
        }
        current += stage;
    }
    return walkers;
}

int main() {
    int n, k;
    scanf("%d %d", &n, &k);
    std::vector<long long> d(n);
    long long low = 0, high = 0;
    for (long long& stage : d) {
        scanf("%lld", &stage);
        low = std::max(low, stage);
        high += stage;
    }
    // the answer lies in [low, high]; find the smallest limit that k walkers can keep
    while (low < high) {
        long long mid = low + (high - low) / 2;
        if (walkersNeeded(d, mid) <= k) high = mid;
        else low = mid + 1;
    }
    printf("%lld\n", low);
}
