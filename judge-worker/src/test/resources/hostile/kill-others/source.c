/* Signals everything it can reach (the supervisor, pid 1, its parent, every process); it must
 * only be able to hurt itself... and kill(-1) spares the caller, so it lives to print ok. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    kill(getppid(), SIGKILL);
    kill(1, SIGKILL);
    for (int pid = 2; pid < 64; pid++) if (pid != getpid()) kill(pid, SIGKILL);
    kill(-1, SIGKILL);
    printf("ok\n");
    return 0;
}
