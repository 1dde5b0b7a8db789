package dev.codearena.api.judge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a test's output is compared with the expected answer. Written as a string on the wire,
 * in problem metadata and on the judge command line: {@code exact}, {@code tokens} (the
 * default), {@code float:EPS} (absolute or relative difference at most EPS), or a path to a
 * custom testlib-style checker program ({@code checker input expected actual}, exit 0 = AC).
 */
public record CheckerSpec(Kind kind, double epsilon, String program) {

    public enum Kind { EXACT, TOKENS, FLOAT, CUSTOM }

    public static final CheckerSpec TOKENS = new CheckerSpec(Kind.TOKENS, 0, null);
    public static final CheckerSpec EXACT = new CheckerSpec(Kind.EXACT, 0, null);

    public static CheckerSpec floatTolerance(double epsilon) {
        return new CheckerSpec(Kind.FLOAT, epsilon, null);
    }

    public static CheckerSpec custom(String program) {
        return new CheckerSpec(Kind.CUSTOM, 0, program);
    }

    @JsonCreator
    public static CheckerSpec parse(String text) {
        if (text == null || text.isBlank() || text.equals("tokens")) {
            return TOKENS;
        }
        if (text.equals("exact")) {
            return EXACT;
        }
        if (text.startsWith("float:")) {
            double eps = Double.parseDouble(text.substring("float:".length()));
            if (!(eps > 0 && eps < 1)) {
                throw new IllegalArgumentException("float checker tolerance must be in (0, 1): " + text);
            }
            return floatTolerance(eps);
        }
        if (text.equals("float")) {
            return floatTolerance(1e-6);
        }
        return custom(text);
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (kind) {
            case EXACT -> "exact";
            case TOKENS -> "tokens";
            case FLOAT -> "float:" + epsilon;
            case CUSTOM -> program;
        };
    }
}
