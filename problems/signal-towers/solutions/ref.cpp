#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n;
    scanf("%d", &n);
    // lowest[k]: the smallest last height of a chain of k + 1 towers seen so far
    std::vector<int> lowest;
    for (int i = 0; i < n; i++) {
        int h;
        scanf("%d", &h);
        auto it = std::lower_bound(lowest.begin(), lowest.end(), h);
        if (it == lowest.end()) lowest.push_back(h);
        else *it = h;
    }
    printf("%zu\n", lowest.size());
}
