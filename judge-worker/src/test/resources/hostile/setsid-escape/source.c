/* Leaves a daemon behind in its own session: the run must still end, and the judge must kill it. */
#include <stdio.h>
#include <unistd.h>
int main(void) {
    if (fork() == 0) { setsid(); if (fork() == 0) { for (;;) pause(); } return 0; }
    printf("ok\n");
    return 0;
}
