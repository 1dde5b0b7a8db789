package dev.codearena.api.judge;

import java.util.List;

/**
 * The final result of one judge job, sent back through the Redis stream
 * {@link JudgeChannels#RESULTS}. The command side records it once per {@code submissionId}.
 *
 * @param message human-readable detail for CE/IE (never the tests' content)
 */
public record JudgeResult(
        String submissionId,
        String matchId,
        String playerId,
        Verdict verdict,
        CompileResult compile,
        List<TestResult> tests,
        String message,
        String workerId,
        int attempt) {
}
