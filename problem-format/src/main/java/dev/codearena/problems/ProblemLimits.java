package dev.codearena.problems;

/**
 * Per-test limits of a problem.
 *
 * @param timeLimitMs CPU and wall-clock limit per test (the judge adds wall-clock slack)
 * @param memoryMb    memory limit per test
 */
public record ProblemLimits(long timeLimitMs, int memoryMb) {

    /** Upper bounds that keep a single match test run sane; the judge's own caps are stricter still. */
    static final long MAX_TIME_LIMIT_MS = 20_000;
    static final int MAX_MEMORY_MB = 2048;
}
