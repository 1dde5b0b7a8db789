// Exponential: tries every way to cut the next piece, without remembering results.
#include <cstdio>
#include <vector>

int m;
std::vector<int> len;
std::vector<long long> price;

long long best(int left) {
    if (left == 0) return 0;
    long long top = -1;
    for (int j = 0; j < m; j++) {
        if (len[j] <= left) {
            long long rest = best(left - len[j]);
            if (rest >= 0 && rest + price[j] > top) top = rest + price[j];
        }
    }
    return top;
}

int main() {
    int length;
    scanf("%d %d", &length, &m);
    len.resize(m);
    price.resize(m);
    for (int j = 0; j < m; j++) scanf("%d %lld", &len[j], &price[j]);
    printf("%lld\n", best(length));
    return 0;
}
