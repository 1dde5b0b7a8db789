package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/**
 * Blitz: the problem is locked for {@code playerId}, who scores {@code points}. Exactly one per problem.
 * {@code lockedAt} is the receive time of the locking submission.
 */
public record ProblemLocked(MatchId matchId, ProblemId problemId, PlayerId playerId, SubmissionId submissionId, int points, Instant lockedAt) {
}
