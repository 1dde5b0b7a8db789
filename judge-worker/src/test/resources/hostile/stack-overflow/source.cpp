// Unbounded recursion: the stack limit turns it into SIGSEGV -> RE.
#include <bits/stdc++.h>
int depth(volatile int n) { volatile char pad[256]; pad[0] = (char) n; return depth(n + 1) + pad[0]; }
int main() { std::cout << depth(0) << "\n"; }
