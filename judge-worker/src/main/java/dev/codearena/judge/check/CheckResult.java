package dev.codearena.judge.check;

import dev.codearena.api.judge.Verdict;

/**
 * A checker's decision: {@link Verdict#AC}, {@link Verdict#WA}, or {@link Verdict#IE} when the
 * checker itself failed (a custom checker crashed): never blamed on the player.
 */
public record CheckResult(Verdict verdict, String message) {

    public static final CheckResult ACCEPTED = new CheckResult(Verdict.AC, null);

    public static CheckResult wrong(String message) {
        return new CheckResult(Verdict.WA, message);
    }
}
