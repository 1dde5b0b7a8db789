package dev.codearena.problems;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem directory that does not follow the format, or whose tests could not be produced.
 * {@link #error()} says which rule was broken so callers can react without parsing messages;
 * {@link #problem()} names the offending directory (or store entry).
 */
public class ProblemFormatException extends RuntimeException {

    /** What went wrong; stable names, safe to show an admin or log. */
    public enum Error {
        /** A required file (problem.yaml, statement.md, a listed solution, checker.cpp...) is absent. */
        MISSING_FILE,
        /** A required field of problem.yaml is absent or empty. */
        MISSING_FIELD,
        /** A field of problem.yaml has a value outside its allowed range or form. */
        INVALID_VALUE,
        /** problem.yaml has a field the format does not define (usually a typo). */
        UNKNOWN_FIELD,
        /** The checker is none of tokens, exact, float[:EPS], custom. */
        UNKNOWN_CHECKER,
        /** problem.yaml is not valid YAML. */
        MALFORMED_METADATA,
        /** The directory name is not a valid slug, or two problems share one. */
        INVALID_SLUG,
        /** A test input has no expected output (or the other way round), or names collide. */
        INCOMPLETE_TEST,
        /** gen.py exited with a non-zero status. */
        GENERATOR_FAILED,
        /** gen.py ran longer than the allowed time and was killed. */
        GENERATOR_TIMEOUT,
        /** Reading the problem or writing the store failed at the file-system level. */
        IO
    }

    private final Error error;
    private final Path problem;

    public ProblemFormatException(Error error, Path problem, String message) {
        this(error, problem, message, null);
    }

    public ProblemFormatException(Error error, Path problem, String message, Throwable cause) {
        super(problem + ": " + message, cause);
        this.error = Objects.requireNonNull(error);
        this.problem = problem;
    }

    public Error error() {
        return error;
    }

    public Path problem() {
        return problem;
    }
}
