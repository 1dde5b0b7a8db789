package dev.codearena.api.judge;

/**
 * The outcome of judging one test or a whole submission.
 *
 * <p>When tests disagree, the submission's verdict is the first failing test's verdict in test
 * order (judging usually stops there). {@link #severity()} orders verdicts for places that must
 * combine unordered results (e.g. tests run in parallel): the higher wins, and IE beats
 * everything because an internal error means no verdict about the player can be trusted.
 */
public enum Verdict {
    /** Accepted: every test's output passed the checker within all limits. */
    AC(0),
    /** Wrong answer: the checker rejected the output. */
    WA(1),
    /** Output limit exceeded: the program wrote more than the output limit. */
    OLE(2),
    /** Memory limit exceeded: peak memory above the limit, or an allocation refused by it. */
    MLE(3),
    /** Time limit exceeded: CPU time <em>or</em> wall-clock time over the limit. */
    TLE(4),
    /** Runtime error: non-zero exit code or killed by a signal not caused by a limit. */
    RE(5),
    /** Compilation error: the compiler refused the source (its message is kept, trimmed). */
    CE(6),
    /** Internal error: the judge failed; never counted against the player. */
    IE(7);

    private final int severity;

    Verdict(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    public boolean accepted() {
        return this == AC;
    }

    /** The more severe of two verdicts, for combining results that have no test order. */
    public static Verdict worst(Verdict a, Verdict b) {
        return a.severity >= b.severity ? a : b;
    }
}
