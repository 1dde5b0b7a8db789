package dev.codearena.api.judge;

/**
 * One submission to judge, as it travels from the judging saga to a worker through the Redis
 * stream {@link JudgeChannels#JOBS}. Delivery is at-least-once: workers and the command side
 * treat {@code submissionId} as the idempotency key.
 *
 * @param submissionId   unique id of the submission (idempotency key)
 * @param matchId        match the submission belongs to, or null for tooling
 * @param playerId       author
 * @param problemId      catalogue id of the problem
 * @param problemVersion version of the problem the match started with
 * @param testsDir       directory holding {@code NAME.in}/{@code NAME.out}; relative paths are
 *                       resolved against the worker's problem store
 * @param checker        how outputs are compared
 * @param timeLimitMs    CPU and wall limit per test (wall is given some slack by the judge)
 * @param memoryMb       memory limit per test
 * @param stopOnFirstFailure stop at the first non-AC test (match play) or run all tests
 * @param attempt        1 for the first dispatch; the saga increments it on retry
 */
public record JudgeJob(
        String submissionId,
        String matchId,
        String playerId,
        String problemId,
        long problemVersion,
        Language language,
        String source,
        String testsDir,
        CheckerSpec checker,
        long timeLimitMs,
        int memoryMb,
        boolean stopOnFirstFailure,
        int attempt) {

    /** Hard cap on source size (64 KB); larger sources are refused before any work. */
    public static final int MAX_SOURCE_BYTES = 64 * 1024;
}
