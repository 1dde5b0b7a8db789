package dev.codearena.command.benchmark;

import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Load-insensitive figures for benchmarks on a shared machine: CPU time of this JVM and of the
 * embedded PostgreSQL and Redis servers (from /proc), and the load average to print next to
 * wall-clock figures.
 */
public final class BenchmarkMeters {

    private BenchmarkMeters() {
    }

    public static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU of this JVM's threads whose name starts with one of the prefixes: the work of one operation
     * without the background threads (event processors, schedulers) that run meanwhile.
     */
    public static long threadsCpuNanos(String... namePrefixes) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            for (String prefix : namePrefixes) {
                if (info.getThreadName().startsWith(prefix)) {
                    long cpu = threads.getThreadCpuTime(info.getThreadId());
                    total += Math.max(cpu, 0);
                    break;
                }
            }
        }
        return total;
    }

    /** This process's {user, system} CPU from /proc (10 ms resolution): system time is mostly socket writes. */
    public static long[] userSystemNanos() {
        return userSystemNanos("self");
    }

    /** Another process's {user, system} CPU from /proc (10 ms resolution). */
    public static long[] userSystemNanos(long pid) {
        return userSystemNanos(String.valueOf(pid));
    }

    private static long[] userSystemNanos(String process) {
        try {
            String stat = Files.readString(Path.of("/proc", process, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]) * 10_000_000L, Long.parseLong(fields[12]) * 10_000_000L};
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    /** CPU of the embedded PostgreSQL server: the postmaster and its backends. Resolution 10 ms. */
    public static long postgresCpuNanos() {
        return processTreeCpuNanos(pidIn(EmbeddedInfrastructureExtension.infrastructure().dataDirectory()
                .resolve("postgres").resolve("postmaster.pid")));
    }

    /** CPU of the embedded redis-server process (and any child it forked); 0 when it cannot be found. Resolution 10 ms. */
    public static long redisCpuNanos() {
        try (var files = Files.walk(EmbeddedInfrastructureExtension.infrastructure().dataDirectory(), 3)) {
            Path pidFile = files.filter(f -> f.getFileName().toString().equals("redis.pid")).findFirst().orElse(null);
            return pidFile == null ? 0 : processTreeCpuNanos(pidIn(pidFile));
        } catch (Exception e) {
            return 0;
        }
    }

    public static long processCpuNanos(long pid) {
        long[] userSystem = userSystemNanos(pid);
        return userSystem[0] + userSystem[1];
    }

    /** CPU of a process and its live descendants; 0 for no process (pid &lt; 0). */
    public static long processTreeCpuNanos(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElse(null);
        if (root == null) {
            return 0;
        }
        long total = processCpuNanos(pid);
        for (ProcessHandle child : root.descendants().toList()) {
            total += processCpuNanos(child.pid());
        }
        return total;
    }

    private static long pidIn(Path pidFile) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (Exception e) {
            return -1;
        }
    }

    /** What {@code uptime} prints (load averages with the time), or the load average alone without it. */
    public static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out;
        } catch (Exception e) {
            return "load average " + loadAverage();
        }
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
