package dev.codearena.api.problem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of a catalogue problem (the Problem aggregate): the problem directory's slug. Serialised as a plain JSON string; {@link #toString()} is the raw value (Axon uses it as the aggregate id). */
public record ProblemId(@JsonValue String value) {

    public ProblemId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ProblemId must not be blank");
        }
        if (value.length() > 100) {
            throw new IllegalArgumentException("ProblemId longer than 100 characters");
        }
    }

    @JsonCreator
    public static ProblemId of(String value) {
        return new ProblemId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
