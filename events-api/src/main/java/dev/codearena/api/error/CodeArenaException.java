package dev.codearena.api.error;

/**
 * A command refused for a reason the caller can act on. {@link #code()} is stable and goes on
 * the wire; the message is for humans. Whether the input was malformed or a rule of the current
 * state forbids it is told by {@link #kind()}, mirroring the IllegalArgument/IllegalState split.
 */
public class CodeArenaException extends RuntimeException {

    public enum Kind { INVALID_INPUT, RULE_VIOLATION, NOT_FOUND }

    private final ErrorCode code;
    private final Kind kind;

    public CodeArenaException(ErrorCode code, Kind kind, String message) {
        super(message == null ? code.defaultMessage() : message);
        this.code = code;
        this.kind = kind;
    }

    public static CodeArenaException invalid(ErrorCode code, String message) {
        return new CodeArenaException(code, Kind.INVALID_INPUT, message);
    }

    public static CodeArenaException rule(ErrorCode code) {
        return new CodeArenaException(code, Kind.RULE_VIOLATION, null);
    }

    public static CodeArenaException rule(ErrorCode code, String message) {
        return new CodeArenaException(code, Kind.RULE_VIOLATION, message);
    }

    public static CodeArenaException notFound(ErrorCode code, String message) {
        return new CodeArenaException(code, Kind.NOT_FOUND, message);
    }

    public ErrorCode code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The payload to put in Axon's {@code CommandExecutionException} details for remote callers. */
    public ErrorDetails details() {
        return new ErrorDetails(code, getMessage());
    }
}
