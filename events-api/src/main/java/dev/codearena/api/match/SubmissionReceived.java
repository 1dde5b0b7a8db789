package dev.codearena.api.match;

import dev.codearena.api.judge.Language;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/**
 * A submission was accepted for judging. Carries everything the judge needs, pinned to the match's problem version.
 */
public record SubmissionReceived(
        MatchId matchId,
        SubmissionId submissionId,
        PlayerId playerId,
        ProblemId problemId,
        long problemVersion,
        SubmissionKind kind,
        Language language,
        String source,
        int sourceBytes,
        JudgeSpec judge,
        Instant receivedAt) {
}
