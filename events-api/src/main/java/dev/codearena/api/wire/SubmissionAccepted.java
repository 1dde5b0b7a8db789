package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.problem.ProblemId;

/** {@code match:submitted}: the match took the submission and it is queued for judging. */
public record SubmissionAccepted(SubmissionId submissionId, MatchId matchId, ProblemId problemId) {
}
