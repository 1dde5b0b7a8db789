package dev.codearena.judge.sandbox;

/**
 * Limits for one process tree run by the supervisor. Every sandbox enforces all of them; the
 * meaning is part of the sandbox contract (see judge-worker/README.md).
 *
 * @param cpuMs          CPU time (user + system, all threads); the run is killed when exceeded
 * @param wallMs         wall-clock time; the run is killed when exceeded (sleeping, blocking)
 * @param memoryKb       memory budget: the cgroup limit where a memory cgroup exists, else
 *                       compared with the peak resident set size after the run
 * @param addressSpaceKb RLIMIT_AS, 0 for none (it breaks the JVM and Node, so only native code
 *                       on hosts without a memory cgroup uses it)
 * @param stackKb        RLIMIT_STACK, 0 to inherit
 * @param outputBytes    RLIMIT_FSIZE: the largest file (stdout included) the program may write
 * @param processes      RLIMIT_NPROC and pids cgroup limit: processes + threads
 */
public record ResourceLimits(long cpuMs, long wallMs, long memoryKb, long addressSpaceKb, long stackKb,
                             long outputBytes, int processes) {

    public ResourceLimits {
        if (cpuMs <= 0 || wallMs <= 0 || memoryKb <= 0 || outputBytes <= 0 || processes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + cpuMs + "/" + wallMs + "/" + memoryKb + "/" + outputBytes + "/" + processes);
        }
    }
}
