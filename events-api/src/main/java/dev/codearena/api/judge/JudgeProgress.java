package dev.codearena.api.judge;

/**
 * One test finished: published on {@link JudgeChannels#PROGRESS} as soon as it is known, so
 * players see per-test results stream in before the final verdict.
 */
public record JudgeProgress(String submissionId, String matchId, String playerId, int testIndex, int testCount, TestResult test) {
}
