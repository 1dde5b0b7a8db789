#include <iostream>
#include <string>

int main() {
    std::ios::sync_with_stdio(false);
    int t;
    std::cin >> t;
    while (t--) {
        std::string number;
        std::cin >> number;
        int sum = 0;
        for (int i = 0; i < (int)number.size(); i++) {
            int digit = number[number.size() - 1 - i] - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        std::cout << (sum % 10 == 0 ? "VALID" : "INVALID") << '\n';
    }
}
