package dev.codearena.problems;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped starter set (problems/ at the repository root) as the catalogue sees it: every
 * problem loads, and the set can feed every mode. Judging the solutions is the job of the
 * validation test in judge-worker, which needs the real sandbox.
 */
class StarterSetTest {

    private static final Path ROOT = Path.of("..", "problems").toAbsolutePath().normalize();
    private static final long MAX_COMMITTED_BYTES = 100 * 1024;

    private static List<ProblemDefinition> problems;

    @BeforeAll
    static void load() {
        problems = ProblemSet.load(ROOT).problems();
    }

    @Test
    void hasAtLeastFortyProblemsWithTenInEachDifficultyBand() {
        assertThat(slugs(problems)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(slugs(problems.stream().filter(p -> p.difficulty() <= 2))).as("band 1-2").hasSizeGreaterThanOrEqualTo(10);
        assertThat(slugs(problems.stream().filter(p -> p.difficulty() == 3))).as("band 3").hasSizeGreaterThanOrEqualTo(10);
        assertThat(slugs(problems.stream().filter(p -> p.difficulty() >= 4))).as("band 4-5").hasSizeGreaterThanOrEqualTo(10);
    }

    private static List<String> slugs(List<ProblemDefinition> list) {
        return slugs(list.stream());
    }

    private static List<String> slugs(Stream<ProblemDefinition> stream) {
        return stream.map(ProblemDefinition::slug).toList();
    }

    @Test
    void everyModeCanAssembleAMatch() {
        for (int difficulty = 1; difficulty <= 5; difficulty++) {
            int wanted = difficulty;
            assertThat(problems).as("blitz problems of difficulty %d", wanted)
                    .anyMatch(p -> p.offeredIn(ProblemMode.BLITZ) && p.difficulty() == wanted);
        }
        assertThat(slugs(problems.stream().filter(p -> p.offeredIn(ProblemMode.ROYALE)))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(slugs(problems.stream().filter(p -> p.offeredIn(ProblemMode.GOLF)))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(slugs(problems.stream().filter(p -> p.offeredIn(ProblemMode.SABOTAGE)))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(slugs(problems.stream().filter(p -> p.offeredIn(ProblemMode.SABOTAGE) && p.sabotageReferenceFile().isEmpty())))
                .isEmpty();
    }

    @Test
    void includesFloatAndCustomCheckersAndSlowSolutions() {
        assertThat(slugs(problems.stream().filter(p -> p.checker().kind() == CheckerSpec.Kind.FLOAT))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(slugs(problems.stream().filter(p -> p.checker().kind() == CheckerSpec.Kind.CUSTOM))).isNotEmpty();
        assertThat(slugs(problems.stream().filter(p -> p.solutions().stream().anyMatch(s -> s.expected() == Verdict.TLE))))
                .hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void slugsAreUniqueAndVersionsDistinct() {
        assertThat(slugs(problems)).doesNotHaveDuplicates();
        assertThat(problems.stream().map(ProblemDefinition::version).toList()).doesNotHaveDuplicates();
    }

    @Test
    void noCommittedFileIsLarge() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> size(f) > MAX_COMMITTED_BYTES).toList())
                    .as("large tests must be generated, not committed").isEmpty();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
