package dev.codearena.api.wire;

import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/** {@code match:verdict}: the final verdict of a submission; {@code sourceBytes} is public (golf), the source is not. */
public record MatchVerdictPayload(MatchId matchId, SubmissionId submissionId, PlayerId playerId, ProblemId problemId,
                                  Verdict verdict, int testsPassed, int testCount, int sourceBytes, Instant judgedAt,
                                  long version) implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.VERDICT;
    }
}
