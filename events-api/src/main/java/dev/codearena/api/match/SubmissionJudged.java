package dev.codearena.api.match;

import dev.codearena.api.judge.Verdict;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/**
 * The final verdict of a solution or repair submission (recorded once per submission).
 */
public record SubmissionJudged(
        MatchId matchId,
        SubmissionId submissionId,
        PlayerId playerId,
        ProblemId problemId,
        Verdict verdict,
        int testsPassed,
        int testCount,
        String message,
        int sourceBytes,
        Instant judgedAt) {
}
