package dev.codearena.api.match;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of a match (the Match aggregate). Serialised as a plain JSON string; {@link #toString()} is the raw value (Axon uses it as the aggregate id). */
public record MatchId(@JsonValue String value) {

    public MatchId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("MatchId must not be blank");
        }
        if (value.length() > 100) {
            throw new IllegalArgumentException("MatchId longer than 100 characters");
        }
    }

    @JsonCreator
    public static MatchId of(String value) {
        return new MatchId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
