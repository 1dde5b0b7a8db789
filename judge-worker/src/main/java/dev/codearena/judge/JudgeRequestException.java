package dev.codearena.judge;

/**
 * The job was refused before any work: the request itself is wrong or cannot be served here.
 * Callers map {@link #reason()} to their own error (the CLI: a usage error; the queue consumer:
 * a result message).
 */
public class JudgeRequestException extends Exception {

    public enum Reason {
        /** Source larger than {@code JudgeJob.MAX_SOURCE_BYTES} or empty. */
        SOURCE_TOO_LARGE,
        /** The language failed its self-test on this worker (see the health endpoint). */
        LANGUAGE_UNAVAILABLE,
        /** The tests directory does not exist or holds no NAME.in/NAME.out pair. */
        TESTS_NOT_FOUND,
        /** Time or memory limit outside the accepted range, or a custom checker that cannot be used. */
        INVALID_REQUEST
    }

    private final Reason reason;

    public JudgeRequestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
