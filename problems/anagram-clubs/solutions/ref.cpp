#include <algorithm>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    int n;
    std::cin >> n;
    std::unordered_map<std::string, int> clubOf;  // sorted letters -> club index
    std::vector<std::vector<std::string>> clubs;
    for (int i = 0; i < n; i++) {
        std::string nickname;
        std::cin >> nickname;
        std::string key = nickname;
        std::sort(key.begin(), key.end());
        auto [it, isNew] = clubOf.emplace(key, (int)clubs.size());
        if (isNew) clubs.emplace_back();
        clubs[it->second].push_back(nickname);
    }
    std::cout << clubs.size() << '\n';
    for (const auto& club : clubs) {
        for (size_t j = 0; j < club.size(); j++) std::cout << (j ? " " : "") << club[j];
        std::cout << '\n';
    }
}
