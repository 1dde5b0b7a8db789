package dev.codearena.api.query;

import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/**
 * A submission of a match. {@code status}: PENDING (being judged), JUDGED, REFUSED (not judged; see
 * {@code refusal}, an {@link dev.codearena.api.error.ErrorCode} name). {@code source} is null until the
 * match has ended — nobody sees code before the end.
 */
public record SubmissionView(SubmissionId submissionId, PlayerId playerId, ProblemId problemId, String kind, String language,
                             String status, String verdict, Integer testsPassed, Integer testCount, String message,
                             Integer sourceBytes, Instant receivedAt, Instant judgedAt, String refusal, String refusalDetail,
                             String source) {
}
