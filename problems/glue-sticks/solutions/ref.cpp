#include <cstdio>
#include <functional>
#include <queue>
#include <vector>

int main() {
    int n;
    scanf("%d", &n);
    // always join the two shortest pieces
    std::priority_queue<long long, std::vector<long long>, std::greater<long long>> pieces;
    for (int i = 0; i < n; i++) {
        long long length;
        scanf("%lld", &length);
        pieces.push(length);
    }
    long long cost = 0;
    while (pieces.size() > 1) {
        long long a = pieces.top();
        pieces.pop();
        long long b = pieces.top();
        pieces.pop();
        cost += a + b;
        pieces.push(a + b);
    }
    printf("%lld\n", cost);
}
