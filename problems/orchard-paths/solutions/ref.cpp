#include <bits/stdc++.h>
using namespace std;

int main() {
    const long long MOD = 1000000007;
    int r, c;
    scanf("%d %d", &r, &c);
    vector<long long> ways(c, 0);  // routes to each cell of the current row
    ways[0] = 1;
    char row[512];
    for (int i = 0; i < r; i++) {
        scanf("%s", row);
        for (int j = 0; j < c; j++) {
            if (row[j] == '#') ways[j] = 0;
            else if (j > 0) ways[j] = (ways[j] + ways[j - 1]) % MOD;
        }
    }
    printf("%lld\n", ways[c - 1]);
    return 0;
}
