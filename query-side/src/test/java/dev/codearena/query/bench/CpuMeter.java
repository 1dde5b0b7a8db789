package dev.codearena.query.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU time, as a figure that does not depend on how many other processes share the cores: this JVM
 * (all threads, or the threads of one event processor) and its child processes (the embedded
 * PostgreSQL server and its backends, read from {@code /proc/<pid>/stat}).
 */
final class CpuMeter {

    /** Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream kernel build. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuMeter() {
    }

    /** CPU nanoseconds used so far by this JVM. */
    static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU nanoseconds used so far by this test's PostgreSQL: the server started from this JVM's temporary directory
     * (pg_ctl detaches it, so it is not a descendant of the JVM), its backends and background processes, and those of
     * them that have exited (autovacuum workers come and go); 0 where /proc is missing.
     */
    static long postgresNanos() {
        String tmp = System.getProperty("java.io.tmpdir");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(tmp)).orElse(false))
                .flatMap(server -> java.util.stream.Stream.concat(java.util.stream.Stream.of(server), server.descendants()))
                .mapToLong(p -> ticks(p.pid(), p.parent().map(parent -> !parent.info().commandLine()
                        .map(c -> c.contains("postgres") && c.contains(tmp)).orElse(false)).orElse(true)))
                .sum() * NANOS_PER_TICK;
    }

    /** CPU nanoseconds used so far by this test's Redis server (started from this JVM's temporary directory); 0 where /proc is missing. */
    static long redisNanos() {
        String tmp = System.getProperty("java.io.tmpdir");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("redis-server") && c.contains(tmp)).orElse(false))
                .mapToLong(p -> ticks(p.pid())).sum() * NANOS_PER_TICK;
    }

    /** CPU nanoseconds used so far by the live threads whose name starts with {@code EventProcessor[group]}. */
    static long processorThreadNanos(String group) {
        return threadNanos("EventProcessor[" + group + "]");
    }

    /** CPU time of the live threads whose name starts with {@code prefix}. */
    static long threadNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith(prefix))
                .mapToLong(ThreadInfo::getThreadId).map(threads::getThreadCpuTime).filter(n -> n > 0).sum();
    }

    private static long ticks(long pid) {
        return ticks(pid, false);
    }

    /**
     * @param withExitedChildren also the CPU of the process's children that have exited (cutime, cstime): for the
     *                           PostgreSQL server, whose backends and autovacuum workers come and go during a run
     */
    private static long ticks(long pid, boolean withExitedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the parenthesised command name; utime, stime, cutime, cstime are fields 14 to 17
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                    + (withExitedChildren ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
