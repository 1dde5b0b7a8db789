package dev.codearena.problems;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The match modes a problem may be drawn for, as written in problem.yaml ({@code modes:}). */
public enum ProblemMode {
    BLITZ("blitz"),
    ROYALE("royale"),
    GOLF("golf"),
    SABOTAGE("sabotage");

    private final String id;

    ProblemMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Optional<ProblemMode> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.id.equals(wanted)).findFirst();
    }
}
