// Exponential: walks every route one by one.
#include <cstdio>

const long long MOD = 1000000007;
int r, c;
char grid[512][512];

long long walk(int i, int j) {
    if (i >= r || j >= c || grid[i][j] == '#') return 0;
    if (i == r - 1 && j == c - 1) return 1;
    return (walk(i + 1, j) + walk(i, j + 1)) % MOD;
}

int main() {
    scanf("%d %d", &r, &c);
    for (int i = 0; i < r; i++) scanf("%s", grid[i]);
    printf("%lld\n", walk(0, 0));
    return 0;
}
