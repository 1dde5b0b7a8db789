// Threads until creation fails: the process/thread limit stops it, std::thread throws, terminate -> RE.
#include <bits/stdc++.h>
int main() {
    for (;;) {
        std::thread([] { std::this_thread::sleep_for(std::chrono::hours(1)); }).detach();
    }
}
