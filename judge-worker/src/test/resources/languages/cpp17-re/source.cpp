#include <bits/stdc++.h>
int main() { std::vector<int> v; return v.at(5); }
