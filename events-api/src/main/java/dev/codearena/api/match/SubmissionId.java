package dev.codearena.api.match;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of one submission (solution, repair or sabotage); chosen by the sender and used as the idempotency key end to end, including as {@code JudgeJob.submissionId}. Serialised as a plain JSON string; {@link #toString()} is the raw value (Axon uses it as the aggregate id). */
public record SubmissionId(@JsonValue String value) {

    public SubmissionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("SubmissionId must not be blank");
        }
        if (value.length() > 100) {
            throw new IllegalArgumentException("SubmissionId longer than 100 characters");
        }
    }

    @JsonCreator
    public static SubmissionId of(String value) {
        return new SubmissionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
