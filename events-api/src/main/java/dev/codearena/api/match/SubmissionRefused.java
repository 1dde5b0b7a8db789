package dev.codearena.api.match;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/**
 * A submission was refused without being judged.
 */
public record SubmissionRefused(
        MatchId matchId,
        SubmissionId submissionId,
        PlayerId playerId,
        ProblemId problemId,
        ErrorCode reason,
        String detail,
        Instant refusedAt) {
}
