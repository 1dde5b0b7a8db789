package dev.codearena.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.TestResult;
import dev.codearena.api.judge.Verdict;
import dev.codearena.problems.MaterializedProblem;
import dev.codearena.problems.ProblemDefinition;
import dev.codearena.problems.ProblemSet;
import dev.codearena.problems.ProblemStore;
import dev.codearena.problems.ReferenceSolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Validates the whole problem set (problems/ at the repository root) with the real judge and the
 * local sandbox: every problem's tests are materialised through the problem store, every listed
 * solution gets exactly its expected verdict (AC for references, TLE for the deliberately slow
 * ones), and every generator writes the same bytes when run again.
 *
 * <p>Judging stops at a solution's first failing test, so a slow solution costs about one time
 * limit (its first large test), not one per large test. Override the problems directory with
 * {@code -Dcodearena.problems.root=DIR} to validate a single problem while authoring it.
 */
class StarterProblemsValidationTest {

    private static final int MIN_TESTS_PER_PROBLEM = 10;
    private static final Duration GENERATOR_TIMEOUT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicNode> everyProblemValidatesWithTheRealJudge() throws IOException {
        Path root = Path.of(System.getProperty("codearena.problems.root", "../problems")).toAbsolutePath().normalize();
        ProblemSet problems = ProblemSet.load(root);
        assertThat(problems.problems()).as("problems under %s", root).isNotEmpty();
        Path storeRoot = Path.of("target", "problem-store").toAbsolutePath();
        ProblemStore store = new ProblemStore(storeRoot, GENERATOR_TIMEOUT, "python3");
        return problems.problems().stream().map(problem -> DynamicContainer.dynamicContainer(problem.slug(),
                problemChecks(problem, store)));
    }

    private Stream<DynamicNode> problemChecks(ProblemDefinition problem, ProblemStore store) {
        List<DynamicNode> checks = new ArrayList<>();
        checks.add(DynamicTest.dynamicTest("tests materialise (at least " + MIN_TESTS_PER_PROBLEM + ")", () -> {
            MaterializedProblem materialized = store.materialize(problem);
            assertThat(materialized.testNames()).hasSizeGreaterThanOrEqualTo(MIN_TESTS_PER_PROBLEM);
        }));
        if (problem.generator().isPresent()) {
            checks.add(DynamicTest.dynamicTest("gen.py is deterministic", () -> assertGeneratorDeterministic(problem, store)));
        }
        for (ReferenceSolution solution : problem.solutions()) {
            checks.add(DynamicTest.dynamicTest(solution.file() + " gets " + solution.expected(),
                    () -> assertVerdict(problem, store.materialize(problem), solution)));
        }
        return checks.stream();
    }

    private static void assertVerdict(ProblemDefinition problem, MaterializedProblem materialized, ReferenceSolution solution)
            throws Exception {
        String source = Files.readString(problem.directory().resolve(solution.file()));
        JudgeJob job = new JudgeJob("validate-" + UUID.randomUUID(), null, "validation", problem.slug(),
                problem.versionAsLong(), solution.language(), source, materialized.testsDir().toString(),
                materialized.checker(), problem.limits().timeLimitMs(), problem.limits().memoryMb(), true, 1);
        long start = System.nanoTime();
        JudgeResult result = JudgeFixture.judge("local").judge(job, JudgeListener.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        TestResult slowest = result.tests().stream().max((a, b) -> Long.compare(a.cpuMs(), b.cpuMs())).orElse(null);
        System.out.printf("validate %-18s %-22s %-3s in %5d ms; slowest test %s%n", problem.slug(), solution.file(),
                result.verdict(), millis, slowest == null ? "-" : slowest.name() + " " + slowest.cpuMs() + " ms cpu");
        assertThat(result.verdict())
                .as("%s %s: compile %s; tests %s; message %s", problem.slug(), solution.file(), result.compile(),
                        result.tests(), result.message())
                .isEqualTo(solution.expected());
        if (solution.expected() == Verdict.AC) {
            assertThat(result.tests()).as("every test judged").hasSize(materialized.testNames().size());
        }
    }

    /** Runs gen.py once more and compares its files byte for byte with the materialised copies. */
    private static void assertGeneratorDeterministic(ProblemDefinition problem, ProblemStore store) throws Exception {
        MaterializedProblem materialized = store.materialize(problem);
        Path again = Files.createTempDirectory("gen-again-");
        try {
            Process gen = new ProcessBuilder("python3", ProblemDefinition.GENERATOR_FILE, again.toString())
                    .directory(problem.directory().toFile()).redirectErrorStream(true)
                    .redirectOutput(again.resolveSibling(again.getFileName() + ".log").toFile()).start();
            assertThat(gen.waitFor(GENERATOR_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("gen.py finished").isTrue();
            assertThat(gen.exitValue()).as("gen.py exit code").isZero();
            List<Path> generated;
            try (Stream<Path> files = Files.list(again)) {
                generated = files.sorted().toList();
            }
            assertThat(generated).as("gen.py wrote tests").isNotEmpty();
            for (Path file : generated) {
                Path stored = materialized.testsDir().resolve(file.getFileName().toString());
                assertThat(stored).as("%s was generated the first time too", file.getFileName()).exists();
                assertThat(Files.mismatch(file, stored)).as("%s differs between two runs of gen.py", file.getFileName())
                        .isEqualTo(-1L);
            }
        } finally {
            try (Stream<Path> files = Files.walk(again)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
            Files.deleteIfExists(again.resolveSibling(again.getFileName() + ".log"));
        }
    }
}
