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

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
