#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, k;
    scanf("%d %d", &n, &k);
    vector<int> s(n);
    for (auto& x : s) scanf("%d", &x);
    unordered_map<int, int> inWindow;
    inWindow.reserve(2 * n);
    int left = 0, best = 0;
    for (int right = 0; right < n; right++) {
        inWindow[s[right]]++;
        while ((int) inWindow.size() > k) {
            if (--inWindow[s[left]] == 0) inWindow.erase(s[left]);
            left++;
        }
        best = max(best, right - left + 1);
    }
    printf("%d\n", best);
    return 0;
}
