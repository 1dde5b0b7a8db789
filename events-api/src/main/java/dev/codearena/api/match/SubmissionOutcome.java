package dev.codearena.api.match;

import dev.codearena.api.error.ErrorCode;

/**
 * What a submit command answers right away: received (and queued for judging), or refused with a reason.
 */
public record SubmissionOutcome(SubmissionId submissionId, boolean accepted, ErrorCode refusal, String detail) {

    public static SubmissionOutcome received(SubmissionId id) {
        return new SubmissionOutcome(id, true, null, null);
    }

    public static SubmissionOutcome refused(SubmissionId id, ErrorCode reason, String detail) {
        return new SubmissionOutcome(id, false, reason, detail);
    }
}
