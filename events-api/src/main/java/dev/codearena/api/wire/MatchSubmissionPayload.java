package dev.codearena.api.wire;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/**
 * {@code match:submission}: a submission was received and is being judged ({@code refusal == null}), or
 * was refused without judging. No source code.
 */
public record MatchSubmissionPayload(MatchId matchId, SubmissionId submissionId, PlayerId playerId, ProblemId problemId,
                                     ErrorCode refusal, Instant at, long version) implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.SUBMISSION;
    }
}
