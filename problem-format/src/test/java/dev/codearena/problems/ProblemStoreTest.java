package dev.codearena.problems;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.problems.ProblemFormatException.Error;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs real gen.py scripts with the machine's python3. */
class ProblemStoreTest {

    /** Writes three tests and appends a line to runs.log next to itself, so runs can be counted. */
    private static final String GENERATOR = """
            import os, random, sys
            out = sys.argv[1]
            rng = random.Random(7)
            for i in range(3):
                n = rng.randint(1, 100)
                with open(os.path.join(out, f"g{i}.in"), "w") as f:
                    f.write(f"1\\n{n}\\n")
                with open(os.path.join(out, f"g{i}.out"), "w") as f:
                    f.write(f"{n}\\n")
            with open("runs.log", "a") as log:
                log.write("run\\n")
            """;

    @TempDir
    Path root;

    @Test
    void copiesHandWrittenTestsAndRunsTheGeneratorIntoSlugVersionTests() throws Exception {
        ProblemDefinition problem = ProblemFixture.valid(root.resolve("problems"), "lantern-sum")
                .write("gen.py", GENERATOR).read();
        ProblemStore store = new ProblemStore(root.resolve("store"));

        MaterializedProblem materialized = store.materialize(problem);

        Path expectedDir = root.resolve("store").resolve("lantern-sum").resolve(problem.version());
        assertThat(materialized.directory()).isEqualTo(expectedDir);
        assertThat(materialized.testsDir()).isEqualTo(expectedDir.resolve("tests"));
        assertThat(materialized.relativeTestsDir()).isEqualTo("lantern-sum/" + problem.version() + "/tests");
        assertThat(materialized.testNames()).containsExactly("01-sample", "g0", "g1", "g2");
        assertThat(materialized.testsDir().resolve("01-sample.out")).hasContent("3");
        assertThat(materialized.testsDir().resolve("g0.in")).content().startsWith("1\n");
        try (Stream<Path> entries = Files.list(expectedDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("tests");
        }
        try (Stream<Path> entries = Files.list(root.resolve("store").resolve("lantern-sum"))) {
            assertThat(entries).as("no staging directory left behind").hasSize(1);
        }
    }

    @Test
    void secondMaterialisationReusesTheStoredVersionWithoutRunningTheGenerator() throws Exception {
        ProblemFixture fixture = ProblemFixture.valid(root.resolve("problems"), "p").write("gen.py", GENERATOR);
        ProblemStore store = new ProblemStore(root.resolve("store"));

        MaterializedProblem first = store.materialize(fixture.read());
        MaterializedProblem second = new ProblemStore(root.resolve("store")).materialize(fixture.read());

        assertThat(second).isEqualTo(first);
        assertThat(fixture.dir().resolve("runs.log")).hasContent("run");
        assertThat(store.isMaterialized(fixture.read())).isTrue();
    }

    @Test
    void changedContentMaterialisesANewVersionBesideTheOld() {
        ProblemFixture fixture = ProblemFixture.valid(root.resolve("problems"), "p");
        ProblemStore store = new ProblemStore(root.resolve("store"));
        MaterializedProblem before = store.materialize(fixture.read());

        MaterializedProblem after = store.materialize(fixture.write("tests/02.in", "1\n9\n").write("tests/02.out", "9\n").read());

        assertThat(after.directory()).isNotEqualTo(before.directory());
        assertThat(before.testsDir().resolve("01-sample.in")).exists();
        assertThat(after.testNames()).containsExactly("01-sample", "02");
    }

    @Test
    void failingGeneratorLeavesNothingBehindAndReportsItsOutput() throws Exception {
        ProblemDefinition problem = ProblemFixture.valid(root.resolve("problems"), "p")
                .write("gen.py", "import sys\nprint('cannot build test 7', file=sys.stderr)\nsys.exit(3)\n").read();
        ProblemStore store = new ProblemStore(root.resolve("store"));

        assertThatThrownBy(() -> store.materialize(problem))
                .isInstanceOfSatisfying(ProblemFormatException.class, e -> assertThat(e.error()).isEqualTo(Error.GENERATOR_FAILED))
                .hasMessageContaining("exited with 3")
                .hasMessageContaining("cannot build test 7");
        assertThat(store.isMaterialized(problem)).isFalse();
        try (Stream<Path> entries = Files.list(root.resolve("store").resolve("p"))) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void generatorThatRunsTooLongIsKilled() {
        ProblemDefinition problem = ProblemFixture.valid(root.resolve("problems"), "p")
                .write("gen.py", "import time\ntime.sleep(60)\n").read();
        ProblemStore store = new ProblemStore(root.resolve("store"), Duration.ofMillis(500), "python3");

        long start = System.nanoTime();
        assertThatThrownBy(() -> store.materialize(problem))
                .isInstanceOfSatisfying(ProblemFormatException.class, e -> assertThat(e.error()).isEqualTo(Error.GENERATOR_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(store.isMaterialized(problem)).isFalse();
    }

    @Test
    void generatedTestMayNotOverwriteAHandWrittenOne() {
        ProblemDefinition problem = ProblemFixture.valid(root.resolve("problems"), "p").write("gen.py", """
                import sys
                open(sys.argv[1] + "/01-sample.in", "w").write("1\\n5\\n")
                open(sys.argv[1] + "/01-sample.out", "w").write("5\\n")
                """).read();

        assertThatThrownBy(() -> new ProblemStore(root.resolve("store")).materialize(problem))
                .isInstanceOfSatisfying(ProblemFormatException.class, e -> assertThat(e.error()).isEqualTo(Error.INCOMPLETE_TEST))
                .hasMessageContaining("01-sample");
    }

    @Test
    void generatedInputWithoutOutputIsIncomplete() {
        ProblemDefinition problem = ProblemFixture.valid(root.resolve("problems"), "p")
                .write("gen.py", "import sys\nopen(sys.argv[1] + '/x.in', 'w').write('1\\n')\n").read();

        assertThatThrownBy(() -> new ProblemStore(root.resolve("store")).materialize(problem))
                .isInstanceOfSatisfying(ProblemFormatException.class, e -> assertThat(e.error()).isEqualTo(Error.INCOMPLETE_TEST));
    }

    @Test
    void customCheckerIsCopiedIntoTheStoreAndTheSpecPointsThere() {
        ProblemDefinition problem = ProblemFixture.valid(root.resolve("problems"), "p")
                .yamlLine("checker:", "checker: custom").write("checker.cpp", "int main(){return 0;}\n").read();

        MaterializedProblem materialized = new ProblemStore(root.resolve("store")).materialize(problem);

        Path copy = materialized.testsDir().resolve("checker.cpp");
        assertThat(copy).hasContent("int main(){return 0;}");
        assertThat(materialized.checker()).isEqualTo(CheckerSpec.custom(copy.toString()));
        assertThat(materialized.testsDir().resolve(problem.checker().program())).as("relative spec resolves like the judge does")
                .isEqualTo(copy);
        assertThat(materialized.testNames()).containsExactly("01-sample");
    }
}
