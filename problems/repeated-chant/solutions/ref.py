import sys


def main():
    s = sys.stdin.readline().strip()
    n = len(s)
    border = [0] * n  # longest proper prefix of s[:i+1] that is also its suffix
    k = 0
    for i in range(1, n):
        c = s[i]
        while k and s[k] != c:
            k = border[k - 1]
        if s[k] == c:
            k += 1
        border[i] = k
    # the shortest period is the length minus the longest border
    print(n - border[-1])


main()
