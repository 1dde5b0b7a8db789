// Reads paths from stdin (the shadow file, the expected answers, the judge's own files, its
// work dir, /root): prints ok only if none of them can be opened or listed.
#include <bits/stdc++.h>
#include <dirent.h>
int main() {
    std::string port, path;
    std::cin >> port;
    bool leaked = false;
    while (std::cin >> path) {
        std::ifstream file(path);
        char c;
        if (file && file.get(c)) { leaked = true; std::cout << "read " << path << "\n"; }
        if (DIR *dir = opendir(path.c_str())) { leaked = true; std::cout << "listed " << path << "\n"; closedir(dir); }
    }
    if (!leaked) std::cout << "ok\n";
}
