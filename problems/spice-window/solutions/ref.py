import sys

data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
s = data[2:2 + n]  # kinds compared as byte strings: no need to parse them
in_window = {}
left = best = 0
for right in range(n):
    kind = s[right]
    in_window[kind] = in_window.get(kind, 0) + 1
    while len(in_window) > k:
        gone = s[left]
        in_window[gone] -= 1
        if not in_window[gone]:
            del in_window[gone]
        left += 1
    if right - left + 1 > best:
        best = right - left + 1
print(best)
