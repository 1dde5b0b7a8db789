import sys

data = sys.stdin.read().split()
r, c = int(data[0]), int(data[1])
w = c + 1  # one water column of padding on the right also guards the left edge (index -1 wraps to it)
land = bytearray(b"".join(row.encode() + b"." for row in data[2:2 + r]).replace(b"#", b"\1").replace(b".", b"\0"))
land += bytes(w)  # a water row below the map
islands = largest = 0
for start in range(r * w):
    if not land[start]:
        continue
    islands += 1
    land[start] = 0
    stack = [start]
    area = 0
    while stack:
        cell = stack.pop()
        area += 1
        for nxt in (cell - w, cell + w, cell - 1, cell + 1):
            if nxt >= 0 and land[nxt]:
                land[nxt] = 0
                stack.append(nxt)
    if area > largest:
        largest = area
print(islands, largest)
