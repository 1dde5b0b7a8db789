package dev.codearena.api.judge;

/**
 * The result of running one test.
 *
 * @param exitCode process exit code, or null when killed by a signal
 * @param signal   terminating signal number, or null
 */
public record TestResult(
        String name,
        Verdict verdict,
        long cpuMs,
        long wallMs,
        long memoryKb,
        Integer exitCode,
        Integer signal) {
}
