package dev.codearena.api.problem;

import java.time.Instant;

/**
 * A new version of a problem: version 1, 2, ... in order; new matches use the latest.
 */
public record ProblemVersionPublished(ProblemId problemId, long version, String contentHash, ProblemDefinition definition, Instant publishedAt) {
}
