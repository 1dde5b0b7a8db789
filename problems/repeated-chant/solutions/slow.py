# Deliberately slow: tries every period p and compares the shifted string, O(n^2). Must TLE.
import sys

s = sys.stdin.readline().strip()
n = len(s)
p = 1
while p < n and s[p:] != s[:n - p]:
    p += 1
print(p)
