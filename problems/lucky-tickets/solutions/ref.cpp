#include <cstdio>
#include <string>
#include <vector>

int m;
// ways[len][r]: digit strings of length len (leading zeros allowed) with digit sum = r (mod m)
std::vector<std::vector<long long>> ways;

// how many x in [0, limit] have a digit sum divisible by m
long long luckyUpTo(long long limit) {
    std::string digits = std::to_string(limit);
    int len = digits.size();
    long long count = 0;
    int prefixSum = 0;  // digit sum of the digits of limit fixed so far, mod m
    for (int i = 0; i < len; i++) {
        int d = digits[i] - '0';
        int rest = len - i - 1;
        // put a smaller digit here; the remaining positions are free
        for (int smaller = 0; smaller < d; smaller++) {
            int need = ((m - (prefixSum + smaller) % m) % m);
            count += ways[rest][need];
        }
        prefixSum = (prefixSum + d) % m;
    }
    if (prefixSum == 0) count++;  // limit itself
    return count;
}

int main() {
    int q;
    scanf("%d %d", &m, &q);
    ways.assign(20, std::vector<long long>(m, 0));
    ways[0][0] = 1;
    for (int len = 1; len < 20; len++)
        for (int r = 0; r < m; r++)
            for (int d = 0; d <= 9; d++) ways[len][(r + d) % m] += ways[len - 1][r];
    while (q--) {
        long long a, b;
        scanf("%lld %lld", &a, &b);
        printf("%lld\n", luckyUpTo(b) - luckyUpTo(a - 1));
    }
}
