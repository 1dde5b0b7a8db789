// Allocates and touches memory until something stops it: must be MLE.
#include <bits/stdc++.h>
int main() {
    std::vector<std::vector<char>> blocks;
    for (;;) { blocks.emplace_back(1 << 20, 'x'); }
}
