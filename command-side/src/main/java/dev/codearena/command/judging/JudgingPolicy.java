package dev.codearena.command.judging;

import java.time.Duration;

/**
 * How long the judging saga waits for a result before re-sending the job, and how many times it sends
 * it before recording an internal error (IE, never counted against the player).
 */
public record JudgingPolicy(Duration resultTimeout, int maxAttempts) {

    public JudgingPolicy {
        if (resultTimeout.isNegative() || resultTimeout.isZero() || maxAttempts < 1) {
            throw new IllegalArgumentException("judging policy needs a positive timeout and at least one attempt");
        }
    }
}
