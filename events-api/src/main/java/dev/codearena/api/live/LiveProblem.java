package dev.codearena.api.live;

import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/**
 * A problem of a live match, with its Blitz lock.
 *
 * @param lockedBy null while the problem is open (always null outside Blitz)
 */
public record LiveProblem(ProblemId problemId, String title, int difficulty, int points, PlayerId lockedBy, Instant lockedAt) {
}
