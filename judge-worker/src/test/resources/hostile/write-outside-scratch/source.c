/* Tries to write everywhere but the scratch dir; prints ok only if every attempt failed. */
#include <stdio.h>
int main(void) {
    const char *paths[] = {"/prog/planted", "/usr/planted", "/planted", "/etc/planted", "/io/planted",
                           "/bin/planted", "/proc/sys/kernel/hostname", "/dev/planted", "/.supervisor/supervisor", NULL};
    int escaped = 0;
    for (int i = 0; paths[i]; i++) {
        FILE *f = fopen(paths[i], "w");
        if (f) { escaped = 1; printf("wrote %s\n", paths[i]); fclose(f); }
    }
    FILE *scratch = fopen("/tmp/allowed", "w");
    if (!scratch) { printf("scratch not writable\n"); return 0; }
    fclose(scratch);
    if (!escaped) printf("ok\n");
    return 0;
}
