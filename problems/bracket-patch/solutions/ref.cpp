#include <bits/stdc++.h>
using namespace std;

int main() {
    long long a, b;
    string s;
    cin >> a >> b >> s;
    long long open = 0, missingOpen = 0;
    for (char ch : s) {
        if (ch == '(') open++;
        else if (open > 0) open--;
        else missingOpen++;  // a ')' with nothing to close
    }
    cout << missingOpen * a + open * b << '\n';
    return 0;
}
