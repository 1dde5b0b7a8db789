#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>

int main() {
    std::ios::sync_with_stdio(false);
    int t;
    std::cin >> t;
    while (t--) {
        std::string name;
        std::cin >> name;
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string reversed(name.rbegin(), name.rend());
        std::cout << (name == reversed ? "YES" : "NO") << '\n';
    }
}
