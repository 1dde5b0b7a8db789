#include <iostream>
#include <string>
#include <vector>

int main() {
    std::string s;
    std::cin >> s;
    int n = s.size();
    // border[i]: length of the longest proper prefix of s[0..i] that is also its suffix
    std::vector<int> border(n, 0);
    for (int i = 1; i < n; i++) {
        int k = border[i - 1];
        while (k > 0 && s[k] != s[i]) k = border[k - 1];
        if (s[k] == s[i]) k++;
        border[i] = k;
    }
    // the shortest period is the length minus the longest border
    std::cout << n - border[n - 1] << '\n';
}
