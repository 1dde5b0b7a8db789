#include <bits/stdc++.h>
int main() { undeclared_name(); }
