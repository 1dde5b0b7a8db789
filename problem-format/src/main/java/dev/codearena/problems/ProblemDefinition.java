package dev.codearena.problems;

import dev.codearena.api.judge.CheckerSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One problem as read from {@code problems/<slug>/} (see docs/problems.md for the format).
 *
 * @param slug              directory name; lowercase letters, digits and '-'
 * @param difficulty        1 (easiest) to 5
 * @param checker           how outputs are compared; a custom checker's program is
 *                          {@value #CUSTOM_CHECKER_FILE}, relative to the problem directory
 * @param solutions         every solution the validation test judges, with its expected verdict
 * @param sabotageReference the short reference handed out in Sabotage (relative path), or null
 *                          when the problem is not offered for Sabotage
 * @param statementMarkdown statement.md as written
 * @param directory         the problem directory (absolute)
 * @param version           content hash of the judged content (metadata, statement, tests,
 *                          generator, checker): 16 lowercase hex digits; equal content, equal version
 */
public record ProblemDefinition(
        String slug,
        String title,
        int difficulty,
        List<String> tags,
        ProblemLimits limits,
        CheckerSpec checker,
        Set<ProblemMode> modes,
        List<ReferenceSolution> solutions,
        Path sabotageReference,
        String statementMarkdown,
        Path directory,
        String version) {

    public static final String METADATA_FILE = "problem.yaml";
    public static final String STATEMENT_FILE = "statement.md";
    public static final String TESTS_DIR = "tests";
    public static final String GENERATOR_FILE = "gen.py";
    public static final String CUSTOM_CHECKER_FILE = "checker.cpp";

    public ProblemDefinition {
        tags = List.copyOf(tags);
        modes = Set.copyOf(modes);
        solutions = List.copyOf(solutions);
    }

    /** Reads and validates one problem directory. */
    public static ProblemDefinition read(Path problemDirectory) {
        return ProblemReader.read(problemDirectory);
    }

    public boolean offeredIn(ProblemMode mode) {
        return modes.contains(mode);
    }

    public Optional<Path> sabotageReferenceFile() {
        return Optional.ofNullable(sabotageReference).map(directory::resolve);
    }

    /** The custom checker's source (absolute) when {@code checker: custom}. */
    public Optional<Path> customCheckerSource() {
        return checker.kind() == CheckerSpec.Kind.CUSTOM
                ? Optional.of(directory.resolve(CUSTOM_CHECKER_FILE))
                : Optional.empty();
    }

    public Optional<Path> generator() {
        Path generator = directory.resolve(GENERATOR_FILE);
        return java.nio.file.Files.isRegularFile(generator) ? Optional.of(generator) : Optional.empty();
    }

    /** The version as a number, for contracts that carry versions as {@code long}. */
    public long versionAsLong() {
        return Long.parseUnsignedLong(version, 16);
    }
}
