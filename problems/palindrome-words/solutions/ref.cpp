#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    int echoes = 0;
    string best;
    for (int i = 0; i < n; i++) {
        string w;
        cin >> w;
        if (equal(w.begin(), w.end(), w.rbegin())) {
            echoes++;
            if (w.size() > best.size()) best = w;
        }
    }
    cout << echoes << '\n' << (best.empty() ? "-" : best) << '\n';
    return 0;
}
