/*
 * CodeArena sandbox supervisor.
 *
 * Started ONCE per submission inside the isolation boundary (bubblewrap for the local sandbox,
 * one `docker exec` for the Docker sandbox) as root-in-the-box, it runs each test as a fresh
 * child process. Starting the boundary once and forking per test keeps the per-test overhead
 * at about one fork+exec (~1 ms) instead of one bwrap (~6 ms) or docker exec (~100 ms).
 *
 * The supervisor reports facts (exit status, signal, CPU, wall, peak memory, which limit was
 * hit); it never decides verdicts. The Java side owns the one verdict logic for all sandboxes.
 *
 * Protocol (all text, UTF-8, one item per line; see judge-worker/README.md):
 *   start:  supervisor --uid U --gid G [--scratch DIR] [--chown DIR]...
 *                      [--cgroup-memory DIR] [--cgroup-pids DIR]
 *   output: {"ready":true,"protocol":1,"memoryCgroup":B,"pidsCgroup":B}
 *   input:  "run" line, then "key value" lines, then "end":
 *             cpu_ms N | wall_ms N | memory_kb N | address_space_kb N (only without a memory cgroup) | stack_kb N |
 *             output_bytes N | processes N | open_files N |
 *             stdin PATH | stdout PATH | stderr PATH | cwd PATH |
 *             arg VALUE (repeatable, argv in order) | env NAME=VALUE (repeatable) |
 *             fork_server DIR (Python: fork the run from a server started once; see start_fork_server)
 *           "quit" ends the session.
 *   output: one JSON object per run, on one line:
 *             {"status":"exited|signaled|cpu_time|wall_time|error","exitCode":N|null,
 *              "signal":N|null,"cpuMs":N,"wallMs":N,"memoryKb":N,"memoryLimitHit":B,
 *              "outputLimitHit":B,"outputBytes":N,"error":"..."}
 *
 * Why the child cannot hurt the supervisor or escape: it runs under its own unprivileged uid
 * (one per sandbox, so two sandboxes cannot signal each other and kill(-1) only reaches its own
 * processes), with no capabilities (setuid from root clears them), no_new_privs, its own
 * process group, rlimits, and cgroup limits when the host offers cgroup v1 memory/pids.
 * The supervisor opens stdin/stdout/stderr as root before dropping rights, so the files
 * themselves can live in a directory the child cannot list or open (the io dir).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROTOCOL_VERSION 1
#define MAX_ARGS 256
#define MAX_ENV 64
#define LINE_MAX_LEN 8192
#define POLL_NS 5000000L /* 5 ms between CPU-time checks while a test runs */

static uid_t sandbox_uid = 65534;
static gid_t sandbox_gid = 65534;
static const char *scratch_dir = NULL;
static const char *memory_cgroup = NULL;
static const char *pids_cgroup = NULL;
static long clock_ticks;

/*
 * Fork server (Python): see start_fork_server. zygote_pid is 0 when there is none; a server that
 * failed once is not tried again in this session (every test then starts its own interpreter).
 */
static pid_t zygote_pid = 0;
static int zygote_sock = -1;
static char *zygote_key = NULL;
static long long zygote_charge = 0;
static int fork_server_broken = 0;
/* What a program could change in the server without ptrace rights; see fork_server_attributes */
static char *zygote_attributes = NULL;

struct request {
    long cpu_ms, wall_ms, memory_kb, address_space_kb, stack_kb, output_bytes, processes, open_files;
    char *stdin_path, *stdout_path, *stderr_path, *cwd, *fork_server;
    char *argv[MAX_ARGS + 1];
    int argc;
    char *envp[MAX_ENV + 1];
    int envc;
};

static void json_string(FILE *out, const char *s) {
    fputc('"', out);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char) *s;
        if (c == '"' || c == '\\') {
            fputc('\\', out);
            fputc(c, out);
        } else if (c < 0x20) {
            fprintf(out, "\\u%04x", c);
        } else {
            fputc(c, out);
        }
    }
    fputc('"', out);
}

static void report_error(const char *fmt, ...) {
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    fputs("{\"status\":\"error\",\"exitCode\":null,\"signal\":null,\"cpuMs\":0,\"wallMs\":0,\"memoryKb\":0,"
          "\"memoryLimitHit\":false,\"outputLimitHit\":false,\"outputBytes\":0,\"error\":", stdout);
    json_string(stdout, message);
    fputs("}\n", stdout);
    fflush(stdout);
}

static int write_file(const char *dir, const char *name, const char *value) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = write(fd, value, strlen(value));
    close(fd);
    return n < 0 ? -1 : 0;
}

static int write_number(const char *dir, const char *name, long long value) {
    char text[32];
    snprintf(text, sizeof text, "%lld", value);
    return write_file(dir, name, text);
}

static long long read_number(const char *dir, const char *name, const char *key) {
    char path[PATH_MAX], buf[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) {
        return -1;
    }
    buf[n] = 0;
    if (!key) {
        return strtoll(buf, NULL, 10);
    }
    size_t key_len = strlen(key);
    for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, key, key_len) == 0 && (line[key_len] == ' ' || line[key_len] == '\t')) {
            return strtoll(line + key_len + 1, NULL, 10);
        }
    }
    return -1;
}

/* Removes everything below dir without following symlinks (the child may have planted some). */
static void remove_tree_contents(int dirfd) {
    DIR *dir = fdopendir(dirfd);
    if (!dir) {
        close(dirfd);
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) {
            continue;
        }
        if (unlinkat(dirfd, entry->d_name, 0) == 0) {
            continue;
        }
        int sub = openat(dirfd, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub >= 0) {
            fchmod(sub, 0700);
            remove_tree_contents(sub);
            unlinkat(dirfd, entry->d_name, AT_REMOVEDIR);
        }
    }
    closedir(dir);
}

static void clean_scratch(void) {
    if (!scratch_dir) {
        return;
    }
    int fd = open(scratch_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        remove_tree_contents(fd);
    }
}

static long elapsed_ms(const struct timespec *start) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000L + (now.tv_nsec - start->tv_nsec) / 1000000L;
}

/* CPU time (user+system, all threads) of a live process, from /proc; -1 when unknown. */
static long process_cpu_ms(pid_t pid) {
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) {
        return -1;
    }
    buf[n] = 0;
    char *p = strrchr(buf, ')'); /* the command name may contain spaces */
    if (!p) {
        return -1;
    }
    unsigned long long utime = 0, stime = 0;
    /* fields after ")": state(3) ... utime(14) stime(15) */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2) {
        return -1;
    }
    return (long) ((utime + stime) * 1000ULL / (unsigned long long) clock_ticks);
}

static void stop_fork_server(void) {
    if (zygote_sock >= 0) {
        close(zygote_sock);
        zygote_sock = -1;
    }
    if (zygote_pid > 0) {
        kill(zygote_pid, SIGKILL);
        waitpid(zygote_pid, NULL, 0);
        zygote_pid = 0;
    }
    zygote_charge = 0;
    free(zygote_attributes);
    zygote_attributes = NULL;
}

/* Appends the file's text (at most 8 KiB) to out; false when it cannot be read. */
static int append_file(FILE *out, const char *path) {
    char buf[8192];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) {
        return 0;
    }
    fwrite(buf, 1, (size_t) n, out);
    return 1;
}

/*
 * The server's settings that a process of the sandbox uid can change without ptrace rights (the
 * server is not dumpable, so /proc/<pid>/mem and ptrace are closed, but prlimit, setpriority,
 * sched_setscheduler, sched_setaffinity and ioprio_set only check the uid) and that every process
 * forked from it inherits: its rlimits, nice, scheduling policy and priority, CPU and memory node
 * masks, I/O priority. NULL when they cannot be read (the server is gone).
 */
static char *fork_server_attributes(pid_t pid) {
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out) {
        return NULL;
    }
    char path[64], stat[1024];
    snprintf(path, sizeof path, "/proc/%d/limits", (int) pid);
    int ok = append_file(out, path);
    snprintf(path, sizeof path, "/proc/%d/stat", (int) pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, stat, sizeof stat - 1) : -1;
    if (fd >= 0) close(fd);
    char *fields = NULL;
    if (n > 0) {
        stat[n] = 0;
        fields = strrchr(stat, ')');
    }
    long priority = 0, nice = 0;
    unsigned long rt_priority = 0, policy = 0;
    /* after ")": state(3) ... priority(18) nice(19) ... rt_priority(40) policy(41) */
    ok = ok && fields
         && sscanf(fields + 2, "%*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %ld %ld %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %lu %lu",
                   &priority, &nice, &rt_priority, &policy) == 4;
    fprintf(out, "priority %ld nice %ld rt_priority %lu policy %lu\n", priority, nice, rt_priority, policy);
    snprintf(path, sizeof path, "/proc/%d/status", (int) pid);
    char status[8192];
    fd = open(path, O_RDONLY | O_CLOEXEC);
    n = fd >= 0 ? read(fd, status, sizeof status - 1) : -1;
    if (fd >= 0) close(fd);
    ok = ok && n > 0;
    if (n > 0) {
        status[n] = 0;
        for (char *line = strtok(status, "\n"); line; line = strtok(NULL, "\n")) {
            if (strncmp(line, "Cpus_allowed", 12) == 0 || strncmp(line, "Mems_allowed", 12) == 0) {
                fprintf(out, "%s\n", line);
            }
        }
    }
    long ioprio = syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, (int) pid);
    fprintf(out, "ioprio %ld\n", ioprio);
    ok = ok && ioprio >= 0;
    if (fclose(out) != 0 || !ok) {
        free(text);
        return NULL;
    }
    return text;
}

/* Reaps every finished child (orphans come back to us); notices when it was the fork server. */
static void reap_children(void) {
    pid_t done;
    while ((done = waitpid(-1, NULL, WNOHANG)) > 0) {
        if (done == zygote_pid) {
            zygote_pid = 0;
            stop_fork_server();
        }
    }
}

static uid_t process_uid(const char *pid_name) {
    char path[300], buf[2048];
    snprintf(path, sizeof path, "/proc/%s/status", pid_name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return (uid_t) -1;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) {
        return (uid_t) -1;
    }
    buf[n] = 0;
    char *uid_line = strstr(buf, "\nUid:");
    return uid_line ? (uid_t) strtoul(uid_line + 5, NULL, 10) : (uid_t) -1;
}

/*
 * Whether any process (zombies included) of the sandbox uid is left. The pids cgroup answers in
 * one read; without it, /proc is scanned (inside the sandbox's pid namespace that is a handful
 * of entries). The real uid is read from status, not from the /proc entry's owner, because a
 * program that makes itself non-dumpable shows up as owned by root there.
 */
static int sandbox_processes_left(void) {
    if (pids_cgroup) {
        long long current = read_number(pids_cgroup, "pids.current", NULL);
        if (current >= 0) {
            return current > 1 + (zygote_pid > 0); /* the supervisor (and the fork server) are in the group */
        }
    }
    DIR *proc = opendir("/proc");
    if (!proc) {
        return 1;
    }
    int found = 0;
    struct dirent *entry;
    while (!found && (entry = readdir(proc)) != NULL) {
        if (entry->d_name[0] < '1' || entry->d_name[0] > '9' || atol(entry->d_name) == (long) zygote_pid) {
            continue;
        }
        if (process_uid(entry->d_name) == sandbox_uid) {
            found = 1;
        }
    }
    closedir(proc);
    return found;
}

/*
 * Kills every process of the sandbox uid: a helper that becomes that uid calls kill(-1), which
 * reaches exactly the processes it may signal — the sandbox's own (including ones that left the
 * process group with setsid) — and never the supervisor. kill(-1)'s return value cannot say
 * whether anything was left (it counts processes it had no permission for), hence the check.
 * Orphans are reparented to us (child subreaper), so we reap them between rounds.
 */
/*
 * While a fork server lives (it has the sandbox uid too, and kill(-1) would take it along), the
 * supervisor kills the sandbox uid's processes one by one instead, from /proc (inside the sandbox's
 * own pid namespace). A process forked meanwhile is found in the next round.
 */
static void kill_sandbox_processes_but_fork_server(void) {
    DIR *proc = opendir("/proc");
    if (!proc) {
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(proc)) != NULL) {
        if (entry->d_name[0] < '1' || entry->d_name[0] > '9') {
            continue;
        }
        pid_t pid = (pid_t) atol(entry->d_name);
        if (pid != zygote_pid && process_uid(entry->d_name) == sandbox_uid) {
            kill(pid, SIGKILL);
        }
    }
    closedir(proc);
}

static int sweep_sandbox_processes(void) {
    /* up to ~5 s: a killed process with a large address space can take a while to exit */
    for (int round = 0; round < 550; round++) {
        reap_children();
        if (!sandbox_processes_left()) {
            return 0;
        }
        if (zygote_pid > 0) {
            kill_sandbox_processes_but_fork_server();
            reap_children();
            if (!sandbox_processes_left()) {
                return 0;
            }
            struct timespec pause = {0, round < 50 ? 1000000L : 10000000L};
            nanosleep(&pause, NULL);
            continue;
        }
        pid_t helper = fork();
        if (helper == 0) {
            alarm(5);
            if (setgroups(0, NULL) != 0 || setgid(sandbox_gid) != 0 || setuid(sandbox_uid) != 0) {
                _exit(2);
            }
            kill(-1, SIGKILL);
            _exit(0);
        }
        int status = 0;
        if (helper < 0 || waitpid(helper, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            return -1;
        }
        reap_children();
        if (!sandbox_processes_left()) {
            return 0;
        }
        struct timespec pause = {0, round < 50 ? 1000000L : 10000000L};
        nanosleep(&pause, NULL);
    }
    return -1;
}

static void set_limit(int resource, rlim_t soft, rlim_t hard) {
    struct rlimit limit = {soft, hard};
    setrlimit(resource, &limit);
}

static void child_fail(int report_fd, const char *what) {
    char message[256];
    int len = snprintf(message, sizeof message, "%s: %s", what, strerror(errno));
    if (write(report_fd, message, (size_t) len) < 0) {
        /* nothing more we can do */
    }
    _exit(127);
}

static void run_child(struct request *req, int in_fd, int out_fd, int err_fd, int report_fd, int keep_fd) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* the cgroups were joined by the supervisor at start-up (see main); only the OOM immunity
     * the supervisor gave itself must not be inherited */
    if (memory_cgroup) {
        write_file("/proc/self", "oom_score_adj", "0");
    }
    if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) {
        child_fail(report_fd, "redirect");
    }
    /* the fork server's socket, as fd 3 (keep_fd and report_fd are far above it, see start_fork_server) */
    if (keep_fd >= 0 && dup2(keep_fd, 3) < 0) {
        child_fail(report_fd, "fork server socket");
    }
    if (chdir(req->cwd ? req->cwd : "/") != 0) {
        child_fail(report_fd, "chdir");
    }
    /* RLIMIT_CPU is the backstop; the supervisor's poll loop enforces the precise limit. */
    rlim_t cpu_seconds = (rlim_t) ((req->cpu_ms + 999) / 1000 + 1);
    set_limit(RLIMIT_CPU, cpu_seconds, cpu_seconds + 1);
    if (req->output_bytes > 0) {
        set_limit(RLIMIT_FSIZE, (rlim_t) req->output_bytes, (rlim_t) req->output_bytes);
    }
    if (req->stack_kb > 0) {
        set_limit(RLIMIT_STACK, (rlim_t) req->stack_kb * 1024, (rlim_t) req->stack_kb * 1024);
    }
    /* RLIMIT_AS only where no memory cgroup measures the real thing: it counts reservations, not use */
    if (req->address_space_kb > 0 && !memory_cgroup) {
        set_limit(RLIMIT_AS, (rlim_t) req->address_space_kb * 1024, (rlim_t) req->address_space_kb * 1024);
    }
    if (req->processes > 0) {
        set_limit(RLIMIT_NPROC, (rlim_t) req->processes, (rlim_t) req->processes);
    }
    set_limit(RLIMIT_NOFILE, (rlim_t) req->open_files, (rlim_t) req->open_files);
    set_limit(RLIMIT_CORE, 0, 0);
    set_limit(RLIMIT_MEMLOCK, 0, 0);
    set_limit(RLIMIT_MSGQUEUE, 0, 0);
    if (setgroups(0, NULL) != 0 || setgid(sandbox_gid) != 0 || setuid(sandbox_uid) != 0) {
        child_fail(report_fd, "drop privileges");
    }
    if (setuid(0) == 0) {
        errno = EPERM;
        child_fail(report_fd, "privileges still present after setuid");
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        child_fail(report_fd, "no_new_privs");
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    /* close every fd but 0-2 and the CLOEXEC report pipe */
    for (int fd = keep_fd >= 0 ? 4 : 3; fd < 1024; fd++) {
        if (fd != report_fd) {
            close(fd);
        }
    }
    execve(req->argv[0], req->argv, req->envp);
    child_fail(report_fd, "exec");
}

static int open_output(const char *path) {
    return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
}

/* Everything a run's process inherits from a fork server: a server serves only runs that match it. */
static char *fork_server_key(const struct request *req) {
    size_t size = 256;
    for (int i = 0; i < req->argc; i++) size += strlen(req->argv[i]) + 1;
    for (int i = 0; i < req->envc; i++) size += strlen(req->envp[i]) + 1;
    size += (req->cwd ? strlen(req->cwd) : 0) + strlen(req->fork_server);
    char *key = malloc(size);
    if (!key) {
        return NULL;
    }
    int at = snprintf(key, size, "%ld %ld %ld %ld %ld %ld|%s|%s|", req->cpu_ms, req->address_space_kb, req->stack_kb,
                      req->output_bytes, req->processes, req->open_files, req->cwd ? req->cwd : "", req->fork_server);
    for (int i = 0; i < req->argc; i++) at += snprintf(key + at, size - at, "%s\x1f", req->argv[i]);
    for (int i = 0; i < req->envc; i++) at += snprintf(key + at, size - at, "%s\x1e", req->envp[i]);
    return key;
}

/*
 * Fork server (the run asks for one with "fork_server DIR"; the Python one is DIR/sitecustomize.py).
 * The run's command is started once, exactly as for a run (same rlimits, uid, no_new_privs, cwd,
 * environment) but with stdin/stdout/stderr on /dev/null, PYTHONPATH=DIR and
 * CODEARENA_FORK_SERVER=3, fd 3 being a socket to us; RLIMIT_NPROC is one higher, as the server
 * itself counts. It answers "ready" and then, per run, receives the run's three files, forks a
 * process that is re-parented to us (we wait4() it as any other child: CPU, memory, status are its
 * own) and sends us that process's pid. Its memory is charged to the session's cgroup once; runs
 * subtract it from the baseline only as far as the server had it before the run (zygote_charge), so
 * the test is held to its limit as if it had started its own interpreter.
 */
static int start_fork_server(struct request *req) {
    for (int i = 0; i < req->envc; i++) {
        if (strncmp(req->envp[i], "PYTHONPATH=", 11) == 0 || strncmp(req->envp[i], "CODEARENA_FORK_SERVER=", 22) == 0) {
            return -1;
        }
    }
    if (req->envc + 2 > MAX_ENV) {
        return -1;
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
        return -1;
    }
    int child_sock = fcntl(sv[1], F_DUPFD_CLOEXEC, 100);
    close(sv[1]);
    int report[2];
    if (child_sock < 0 || pipe2(report, O_CLOEXEC) != 0) {
        close(sv[0]);
        if (child_sock >= 0) close(child_sock);
        return -1;
    }
    int report_fd = fcntl(report[1], F_DUPFD_CLOEXEC, 100);
    close(report[1]);
    int null_in = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int null_out = open("/dev/null", O_WRONLY | O_CLOEXEC);
    char pythonpath[PATH_MAX + 16];
    snprintf(pythonpath, sizeof pythonpath, "PYTHONPATH=%s", req->fork_server);
    struct request server = *req; /* the envp array is a member: copied with it */
    server.envp[server.envc++] = pythonpath;
    server.envp[server.envc++] = "CODEARENA_FORK_SERVER=3";
    server.envp[server.envc] = NULL;
    server.processes = req->processes > 0 ? req->processes + 1 : 0;
    pid_t pid = report_fd < 0 || null_in < 0 || null_out < 0 ? -1 : fork();
    if (pid == 0) {
        close(sv[0]);
        close(report[0]);
        run_child(&server, null_in, null_out, null_out, report_fd, child_sock);
    }
    close(child_sock);
    if (report_fd >= 0) close(report_fd);
    if (null_in >= 0) close(null_in);
    if (null_out >= 0) close(null_out);
    char ready[16] = {0};
    struct pollfd wait_ready = {sv[0], POLLIN, 0};
    int ok = pid > 0 && poll(&wait_ready, 1, 10000) == 1 && recv(sv[0], ready, sizeof ready - 1, 0) == 5
             && strcmp(ready, "ready") == 0;
    char exec_error[256];
    ok = ok && read(report[0], exec_error, sizeof exec_error) == 0; /* EOF: the exec succeeded */
    close(report[0]);
    if (pid > 0) {
        setpgid(pid, pid);
    }
    zygote_pid = pid > 0 ? pid : 0;
    zygote_sock = sv[0];
    if (!ok) {
        stop_fork_server();
        return -1;
    }
    /* the server's own anonymous memory, which a fresh interpreter would have of its own (file pages
     * are charged once per session either way) */
    char status_dir[64];
    snprintf(status_dir, sizeof status_dir, "/proc/%d", (int) zygote_pid);
    long long anon_kb = memory_cgroup ? read_number(status_dir, "status", "RssAnon:") : 0;
    zygote_charge = anon_kb > 0 ? anon_kb * 1024 : 0;
    zygote_attributes = fork_server_attributes(zygote_pid);
    if (!zygote_attributes) {
        stop_fork_server();
        return -1;
    }
    return 0;
}

/* Hands the run's files to the fork server; the pid of the process it forked for the run, or -1. */
static pid_t fork_from_server(int in_fd, int out_fd, int err_fd) {
    int fds[3] = {in_fd, out_fd, err_fd};
    union {
        char buf[CMSG_SPACE(sizeof fds)];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct iovec iov = {.iov_base = "run", .iov_len = 3};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.buf;
    msg.msg_controllen = sizeof control.buf;
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof fds);
    memcpy(CMSG_DATA(cmsg), fds, sizeof fds);
    if (sendmsg(zygote_sock, &msg, MSG_NOSIGNAL) != 3) {
        return -1;
    }
    struct pollfd answer = {zygote_sock, POLLIN, 0};
    char reply[32];
    /* the server answers in a millisecond or two; a server that cannot (say, a program lowered its
     * RLIMIT_NOFILE so the files do not arrive) must leave time for the fresh start of the run
     * within the Java side's watchdog (the run's wall time + 5 s) */
    if (poll(&answer, 1, 2000) != 1) {
        return -1;
    }
    ssize_t n = recv(zygote_sock, reply, sizeof reply - 1, 0);
    if (n <= 0) {
        return -1;
    }
    reply[n] = 0;
    long pid = strtol(reply, NULL, 10);
    return pid > 1 ? (pid_t) pid : -1;
}

/* After a run: a server a program stopped, changed, or that is doing anything but waiting for us, is replaced. */
static void check_fork_server(void) {
    if (zygote_pid <= 0) {
        return;
    }
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) zygote_pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
    if (fd >= 0) close(fd);
    char *state = NULL;
    if (n > 0) {
        buf[n] = 0;
        state = strrchr(buf, ')');
    }
    if (!state || state[1] != ' ' || state[2] != 'S') {
        stop_fork_server();
        return;
    }
    /* a program changed what the next test would inherit (limits, priority, affinity): replace it */
    char *now = fork_server_attributes(zygote_pid);
    if (!now || !zygote_attributes || strcmp(now, zygote_attributes) != 0) {
        stop_fork_server();
    }
    free(now);
}

/* Whatever the server did, it is gone for good: every later run of the session starts its own process. */
static void abandon_fork_server(void) {
    stop_fork_server();
    fork_server_broken = 1;
    sweep_sandbox_processes();
}

/* Starts (or keeps) the fork server this run asks for; true when the run can be forked from it. */
static int use_fork_server(struct request *req) {
    if (!req->fork_server || fork_server_broken) {
        return 0;
    }
    char *key = fork_server_key(req);
    if (!key) {
        return 0;
    }
    if (zygote_pid > 0 && zygote_key && strcmp(key, zygote_key) == 0) {
        free(key);
        return 1;
    }
    stop_fork_server();
    free(zygote_key);
    zygote_key = key;
    if (start_fork_server(req) != 0) {
        abandon_fork_server();
        return 0;
    }
    return 1;
}

static void run_request(struct request *req) {
    if (req->argc == 0) {
        report_error("no command");
        return;
    }
    /* first: a server must start on an empty scratch (it is the cwd and HOME, where a previous
     * test could have left, say, a user site directory for it to import) */
    clean_scratch();
    int via_server = use_fork_server(req);
    int in_fd = open(req->stdin_path ? req->stdin_path : "/dev/null", O_RDONLY | O_CLOEXEC);
    int out_fd = open_output(req->stdout_path ? req->stdout_path : "/dev/null");
    int err_fd = req->stderr_path ? (strcmp(req->stderr_path, req->stdout_path ? req->stdout_path : "") == 0
                                         ? dup(out_fd) : open_output(req->stderr_path))
                                  : open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0) {
        report_error("cannot open stdin/stdout/stderr: %s", strerror(errno));
        if (in_fd >= 0) close(in_fd);
        if (out_fd >= 0) close(out_fd);
        if (err_fd >= 0) close(err_fd);
        return;
    }
    long long oom_kills_before = 0;
    long long memory_baseline = memory_cgroup ? read_number(memory_cgroup, "memory.usage_in_bytes", NULL) : 0;
    if (via_server) {
        memory_baseline -= zygote_charge; /* the server's memory counts as the run's own interpreter */
    }
    if (memory_baseline < 0) {
        memory_baseline = 0;
    }
    if (memory_cgroup) {
        /* the supervisor itself lives in the group (so that children are born in it): its own
         * small footprint is the baseline, added to the limit and subtracted from the peak */
        long long limit = req->memory_kb > 0 ? req->memory_kb * 1024LL + memory_baseline : -1;
        /* memsw must stay >= limit: lower/raise the two in the order the kernel accepts */
        write_number(memory_cgroup, "memory.memsw.limit_in_bytes", -1);
        if (write_number(memory_cgroup, "memory.limit_in_bytes", limit) != 0) {
            report_error("cannot set memory limit: %s", strerror(errno));
            close(in_fd), close(out_fd), close(err_fd);
            return;
        }
        write_number(memory_cgroup, "memory.memsw.limit_in_bytes", limit);
        write_number(memory_cgroup, "memory.max_usage_in_bytes", 0);
        write_number(memory_cgroup, "memory.failcnt", 0);
        oom_kills_before = read_number(memory_cgroup, "memory.oom_control", "oom_kill");
    }
    if (pids_cgroup && req->processes > 0) {
        /* + the supervisor and its cleanup helper; RLIMIT_NPROC holds the program to its number */
        write_number(pids_cgroup, "pids.max", req->processes + 2 + (via_server ? 2 : 0));
    }

    int report[2] = {-1, -1};
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = -1;
    if (via_server) {
        pid = fork_from_server(in_fd, out_fd, err_fd);
        if (pid < 0) {
            /* whatever the server did, it is replaced, and this run starts its own process */
            abandon_fork_server();
            clock_gettime(CLOCK_MONOTONIC, &start);
        }
    }
    if (pid < 0) {
        if (pipe2(report, O_CLOEXEC) != 0) {
            report_error("pipe: %s", strerror(errno));
            close(in_fd), close(out_fd), close(err_fd);
            return;
        }
        pid = fork();
        if (pid < 0) {
            report_error("fork: %s", strerror(errno));
            close(report[0]), close(report[1]), close(in_fd), close(out_fd), close(err_fd);
            return;
        }
        if (pid == 0) {
            close(report[0]);
            run_child(req, in_fd, out_fd, err_fd, report[1], -1);
        }
        setpgid(pid, pid); /* also done by the child; whichever runs first wins the race */
        close(report[1]);
    }
    close(in_fd);
    close(out_fd);
    close(err_fd);

    sigset_t sigchld;
    sigemptyset(&sigchld);
    sigaddset(&sigchld, SIGCHLD);
    const char *status_text = NULL;
    int status = 0;
    struct rusage usage;
    memset(&usage, 0, sizeof usage);
    for (;;) {
        pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid) {
            break;
        }
        long wall = elapsed_ms(&start);
        long cpu = process_cpu_ms(pid);
        const char *over = NULL;
        if (req->wall_ms > 0 && wall >= req->wall_ms) {
            over = "wall_time";
        } else if (req->cpu_ms > 0 && cpu > req->cpu_ms) {
            over = "cpu_time";
        }
        if (over) {
            status_text = over;
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            break;
        }
        long wait_ns = POLL_NS;
        if (req->wall_ms > 0 && (req->wall_ms - wall) * 1000000L < wait_ns) {
            wait_ns = (req->wall_ms - wall) * 1000000L + 100000L;
        }
        struct timespec timeout = {0, wait_ns};
        sigtimedwait(&sigchld, NULL, &timeout);
    }
    long wall_ms = elapsed_ms(&start);
    kill(-pid, SIGKILL);
    int swept = sweep_sandbox_processes();

    check_fork_server();

    char exec_error[256] = {0};
    ssize_t n = report[0] >= 0 ? read(report[0], exec_error, sizeof exec_error - 1) : 0;
    if (report[0] >= 0) close(report[0]);
    if (n > 0) {
        exec_error[n] = 0;
        report_error("%s", exec_error);
        return;
    }
    if (swept != 0) {
        report_error("could not kill the sandbox's leftover processes");
        return;
    }

    long cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000L
                  + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000L;
    long long memory_kb = usage.ru_maxrss;
    int memory_limit_hit = 0;
    if (memory_cgroup) {
        long long peak = read_number(memory_cgroup, "memory.max_usage_in_bytes", NULL);
        if (peak >= 0) {
            memory_kb = (peak - memory_baseline) / 1024;
            if (memory_kb < usage.ru_maxrss) {
                memory_kb = usage.ru_maxrss;
            }
        }
        long long oom_kills_after = read_number(memory_cgroup, "memory.oom_control", "oom_kill");
        memory_limit_hit = oom_kills_after > oom_kills_before;
    }
    if (req->memory_kb > 0 && memory_kb > req->memory_kb) {
        memory_limit_hit = 1;
    }
    long long output_bytes = 0;
    struct stat out_stat;
    if (req->stdout_path && stat(req->stdout_path, &out_stat) == 0) {
        output_bytes = out_stat.st_size;
    }
    int output_limit_hit = (WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ)
                           || (req->output_bytes > 0 && output_bytes >= req->output_bytes);
    if (!status_text) {
        status_text = WIFSIGNALED(status) ? "signaled" : "exited";
        if (req->cpu_ms > 0 && cpu_ms > req->cpu_ms) {
            status_text = "cpu_time";
        }
    }
    if (WIFEXITED(status)) {
        printf("{\"status\":\"%s\",\"exitCode\":%d,\"signal\":null,", status_text, WEXITSTATUS(status));
    } else {
        printf("{\"status\":\"%s\",\"exitCode\":null,\"signal\":%d,", status_text, WTERMSIG(status));
    }
    printf("\"cpuMs\":%ld,\"wallMs\":%ld,\"memoryKb\":%lld,\"memoryLimitHit\":%s,\"outputLimitHit\":%s,"
           "\"outputBytes\":%lld,\"error\":null}\n",
           cpu_ms, wall_ms, memory_kb, memory_limit_hit ? "true" : "false",
           output_limit_hit ? "true" : "false", output_bytes);
    fflush(stdout);
}

static void free_request(struct request *req) {
    free(req->stdin_path);
    free(req->stdout_path);
    free(req->stderr_path);
    free(req->cwd);
    free(req->fork_server);
    for (int i = 0; i < req->argc; i++) free(req->argv[i]);
    for (int i = 0; i < req->envc; i++) free(req->envp[i]);
    memset(req, 0, sizeof *req);
}

/* Reads "key value" lines until "end". Returns 0 on success, -1 on EOF, 1 on a bad request. */
static int read_request(struct request *req) {
    char line[LINE_MAX_LEN];
    int bad = 0;
    memset(req, 0, sizeof *req);
    req->open_files = 256;
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n') line[--len] = 0;
        if (strcmp(line, "end") == 0) {
            req->argv[req->argc] = NULL;
            req->envp[req->envc] = NULL;
            return bad;
        }
        char *value = strchr(line, ' ');
        if (!value) {
            bad = 1;
            continue;
        }
        *value++ = 0;
        if (strcmp(line, "arg") == 0) {
            if (req->argc < MAX_ARGS) req->argv[req->argc++] = strdup(value); else bad = 1;
        } else if (strcmp(line, "env") == 0) {
            if (req->envc < MAX_ENV) req->envp[req->envc++] = strdup(value); else bad = 1;
        } else if (strcmp(line, "stdin") == 0) {
            req->stdin_path = strdup(value);
        } else if (strcmp(line, "stdout") == 0) {
            req->stdout_path = strdup(value);
        } else if (strcmp(line, "stderr") == 0) {
            req->stderr_path = strdup(value);
        } else if (strcmp(line, "cwd") == 0) {
            req->cwd = strdup(value);
        } else if (strcmp(line, "fork_server") == 0) {
            req->fork_server = strdup(value);
        } else {
            long number = strtol(value, NULL, 10);
            if (strcmp(line, "cpu_ms") == 0) req->cpu_ms = number;
            else if (strcmp(line, "wall_ms") == 0) req->wall_ms = number;
            else if (strcmp(line, "memory_kb") == 0) req->memory_kb = number;
            else if (strcmp(line, "address_space_kb") == 0) req->address_space_kb = number;
            else if (strcmp(line, "stack_kb") == 0) req->stack_kb = number;
            else if (strcmp(line, "output_bytes") == 0) req->output_bytes = number;
            else if (strcmp(line, "processes") == 0) req->processes = number;
            else if (strcmp(line, "open_files") == 0) req->open_files = number;
            else bad = 1;
        }
    }
    return -1;
}

int main(int argc, char **argv) {
    clock_ticks = sysconf(_SC_CLK_TCK);
    const char *chown_dirs[8];
    int chown_count = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--uid") == 0) sandbox_uid = (uid_t) atol(argv[i + 1]);
        else if (strcmp(argv[i], "--gid") == 0) sandbox_gid = (gid_t) atol(argv[i + 1]);
        else if (strcmp(argv[i], "--scratch") == 0) scratch_dir = argv[i + 1];
        else if (strcmp(argv[i], "--cgroup-memory") == 0) memory_cgroup = argv[i + 1];
        else if (strcmp(argv[i], "--cgroup-pids") == 0) pids_cgroup = argv[i + 1];
        else if (strcmp(argv[i], "--chown") == 0 && chown_count < 8) chown_dirs[chown_count++] = argv[i + 1];
        else {
            fprintf(stderr, "supervisor: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (sandbox_uid == 0 || sandbox_gid == 0) {
        fprintf(stderr, "supervisor: refusing to run programs as root\n");
        return 2;
    }
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    signal(SIGPIPE, SIG_IGN);
    sigset_t sigchld;
    sigemptyset(&sigchld);
    sigaddset(&sigchld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &sigchld, NULL);
    umask(022);
    if (scratch_dir && (chown(scratch_dir, sandbox_uid, sandbox_gid) != 0 || chmod(scratch_dir, 0700) != 0)) {
        fprintf(stderr, "supervisor: cannot prepare scratch %s: %s\n", scratch_dir, strerror(errno));
        return 2;
    }
    for (int i = 0; i < chown_count; i++) {
        if (chown(chown_dirs[i], sandbox_uid, sandbox_gid) != 0) {
            fprintf(stderr, "supervisor: cannot chown %s: %s\n", chown_dirs[i], strerror(errno));
            return 2;
        }
    }
    if (memory_cgroup && access(memory_cgroup, W_OK) != 0) memory_cgroup = NULL;
    if (pids_cgroup && access(pids_cgroup, W_OK) != 0) pids_cgroup = NULL;
    /*
     * Join the session's cgroups once, here, so every child is born inside them: moving a task
     * into a cgroup v1 group takes a global lock with an RCU grace period (milliseconds), which
     * per test would be most of the sandbox's overhead. The supervisor makes itself immune to
     * the OOM killer so that only the program can be chosen when the group runs out of memory.
     */
    if (memory_cgroup && write_number(memory_cgroup, "cgroup.procs", getpid()) != 0) {
        memory_cgroup = NULL;
    }
    if (memory_cgroup) {
        /* needs CAP_SYS_RESOURCE; without it the OOM killer still prefers the far larger program */
        write_file("/proc/self", "oom_score_adj", "-1000");
    }
    if (pids_cgroup && write_number(pids_cgroup, "cgroup.procs", getpid()) != 0) {
        pids_cgroup = NULL;
    }
    printf("{\"ready\":true,\"protocol\":%d,\"memoryCgroup\":%s,\"pidsCgroup\":%s}\n", PROTOCOL_VERSION,
           memory_cgroup ? "true" : "false", pids_cgroup ? "true" : "false");
    fflush(stdout);

    char line[LINE_MAX_LEN];
    while (fgets(line, sizeof line, stdin)) {
        if (strncmp(line, "quit", 4) == 0) {
            break;
        }
        if (strncmp(line, "run", 3) != 0) {
            report_error("unknown command");
            continue;
        }
        struct request req;
        int result = read_request(&req);
        if (result < 0) {
            free_request(&req);
            break;
        }
        if (result > 0) {
            report_error("malformed request");
        } else {
            run_request(&req);
        }
        free_request(&req);
    }
    stop_fork_server();
    sweep_sandbox_processes();
    clean_scratch();
    return 0;
}
