package dev.codearena.problems;

import dev.codearena.api.judge.CheckerSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * A problem's tests as the judge reads them: {@code <store>/<slug>/<version>/tests/NAME.in|out}
 * (plus {@code checker.cpp} for a custom checker).
 *
 * @param directory {@code <store>/<slug>/<version>}
 * @param testNames every test's base name, sorted (hand-written and generated)
 */
public record MaterializedProblem(ProblemDefinition problem, Path directory, Path testsDir, List<String> testNames) {

    public MaterializedProblem {
        testNames = List.copyOf(testNames);
    }

    /**
     * The checker with a custom checker's program as an absolute path to its copy in the store.
     * ({@link ProblemDefinition#checker()} works too: its relative {@code checker.cpp} is resolved
     * by the judge against the tests directory, where the copy lives.)
     */
    public CheckerSpec checker() {
        return problem.checker().kind() == CheckerSpec.Kind.CUSTOM
                ? CheckerSpec.custom(testsDir.resolve(ProblemDefinition.CUSTOM_CHECKER_FILE).toString())
                : problem.checker();
    }

    /** {@code <slug>/<version>/tests}: the store-relative form carried in judge jobs. */
    public String relativeTestsDir() {
        return problem.slug() + "/" + problem.version() + "/" + ProblemDefinition.TESTS_DIR;
    }
}
