package dev.codearena.query.support;

import java.sql.Timestamp;
import java.time.Instant;

/** Small conversions for JDBC parameters. */
public final class Sql {

    private Sql() {
    }

    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /**
     * An instant as ISO-8601 text for an array parameter cast to {@code timestamptz}, rounded to the microsecond half
     * up as the JDBC driver rounds a {@link Timestamp} parameter, so that both ways store the same value.
     */
    public static String isoMicros(Instant instant) {
        if (instant == null) {
            return null;
        }
        int nanos = instant.getNano();
        int rounded = (nanos + 500) / 1000 * 1000;
        return (rounded == nanos ? instant : Instant.ofEpochSecond(instant.getEpochSecond(), rounded)).toString();
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
