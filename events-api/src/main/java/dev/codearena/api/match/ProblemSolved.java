package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/**
 * A player's first Accepted submission on a problem. {@code solvedAt} is when that submission was received
 * (the server's clock at submit), so judge latency never changes who was faster.
 */
public record ProblemSolved(MatchId matchId, PlayerId playerId, ProblemId problemId, SubmissionId submissionId, Instant solvedAt) {
}
