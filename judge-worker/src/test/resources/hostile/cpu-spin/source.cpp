// Burns CPU forever: must be TLE at the CPU limit, not hang the worker.
int main() { volatile unsigned long long x = 1; for (;;) x ^= x << 13; }
