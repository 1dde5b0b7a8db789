a, b = map(int, input().split())
s = input().strip()
depth = lowest = 0
for ch in s:
    depth += 1 if ch == "(" else -1
    lowest = min(lowest, depth)
# -lowest unmatched ')' need a '(' each; what stays open at the end needs a ')'.
missing_open = -lowest
print(missing_open * a + (depth + missing_open) * b)
