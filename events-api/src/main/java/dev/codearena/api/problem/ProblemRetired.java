package dev.codearena.api.problem;

import java.time.Instant;

/**
 * No new match will use the problem until a new version is imported.
 */
public record ProblemRetired(ProblemId problemId, String reason, Instant retiredAt) {
}
