#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

int main() {
    int n, q;
    scanf("%d %d", &n, &q);
    std::vector<std::pair<long long, long long>> barrels(n);  // (bottom, area)
    for (auto& [bottom, area] : barrels) scanf("%lld %lld", &bottom, &area);
    std::sort(barrels.begin(), barrels.end());
    // With the m lowest barrels wet, area[m] and moment[m] are the sums of a_i and a_i * b_i;
    // fill[m] is the volume that raises the surface to the bottom of barrel m (the next one).
    std::vector<long long> area(n + 1, 0), moment(n + 1, 0), fill(n, 0);
    for (int m = 1; m <= n; m++) {
        area[m] = area[m - 1] + barrels[m - 1].second;
        moment[m] = moment[m - 1] + barrels[m - 1].second * barrels[m - 1].first;
        if (m < n) fill[m] = area[m] * barrels[m].first - moment[m];
    }
    while (q--) {
        long long volume;
        scanf("%lld", &volume);
        // the wet barrels are those whose bottom the water reaches: fill[m] < volume
        int wet = std::lower_bound(fill.begin() + 1, fill.end(), volume) - fill.begin();
        printf("%.9f\n", (double)(volume + moment[wet]) / area[wet]);
    }
}
