package dev.codearena.api.query;

import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/** A problem of a match, pinned to {@code version}; {@code lockedBy} is the Blitz lock holder (or null). */
public record MatchProblemView(ProblemId problemId, int position, long version, String title, int difficulty, int points,
                               PlayerId lockedBy, Instant lockedAt) {
}
