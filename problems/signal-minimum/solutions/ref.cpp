#include <bits/stdc++.h>
using namespace std;

// Iterative segment tree of (minimum, how many times it occurs).
struct Node {
    long long low;
    int count;
};

static Node merge(Node a, Node b) {
    if (a.low != b.low) return a.low < b.low ? a : b;
    return {a.low, a.count + b.count};
}

int main() {
    int n, q;
    scanf("%d %d", &n, &q);
    int size = 1;
    while (size < n) size *= 2;
    const Node empty = {LLONG_MAX, 0};
    vector<Node> tree(2 * size, empty);
    for (int i = 0; i < n; i++) {
        scanf("%lld", &tree[size + i].low);
        tree[size + i].count = 1;
    }
    for (int i = size - 1; i > 0; i--) tree[i] = merge(tree[2 * i], tree[2 * i + 1]);
    while (q--) {
        int kind;
        long long a, b;
        scanf("%d %lld %lld", &kind, &a, &b);
        if (kind == 1) {
            int i = size + (int) a - 1;
            tree[i] = {b, 1};
            for (i /= 2; i > 0; i /= 2) tree[i] = merge(tree[2 * i], tree[2 * i + 1]);
        } else {
            Node result = empty;
            for (int l = size + (int) a - 1, r = size + (int) b; l < r; l /= 2, r /= 2) {  // [l, r)
                if (l & 1) result = merge(result, tree[l++]);
                if (r & 1) result = merge(result, tree[--r]);
            }
            printf("%lld %d\n", result.low, result.count);
        }
    }
    return 0;
}
