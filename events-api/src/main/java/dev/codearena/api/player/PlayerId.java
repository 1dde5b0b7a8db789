package dev.codearena.api.player;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of a player (the Player aggregate); the user id of the account. Serialised as a plain JSON string; {@link #toString()} is the raw value (Axon uses it as the aggregate id). */
public record PlayerId(@JsonValue String value) {

    public PlayerId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("PlayerId must not be blank");
        }
        if (value.length() > 100) {
            throw new IllegalArgumentException("PlayerId longer than 100 characters");
        }
    }

    @JsonCreator
    public static PlayerId of(String value) {
        return new PlayerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
