package dev.codearena.api.clan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of a clan (the Clan aggregate). Serialised as a plain JSON string; {@link #toString()} is the raw value (Axon uses it as the aggregate id). */
public record ClanId(@JsonValue String value) {

    public ClanId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ClanId must not be blank");
        }
        if (value.length() > 100) {
            throw new IllegalArgumentException("ClanId longer than 100 characters");
        }
    }

    @JsonCreator
    public static ClanId of(String value) {
        return new ClanId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
