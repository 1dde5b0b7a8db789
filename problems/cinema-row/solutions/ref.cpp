#include <iostream>
#include <string>

int main() {
    int n, k;
    std::string row;
    std::cin >> n >> k >> row;
    long long places = 0;
    int freeRun = 0;  // free seats ending at the current one
    for (char seat : row) {
        freeRun = seat == '.' ? freeRun + 1 : 0;
        if (freeRun >= k) places++;
    }
    std::cout << places << '\n';
}
