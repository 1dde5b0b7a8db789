package dev.codearena.problems;

import dev.codearena.problems.ProblemFormatException.Error;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemSetTest {

    @TempDir
    Path root;

    @Test
    void loadsEveryProblemDirectoryInSlugOrderAndIgnoresFiles() throws Exception {
        ProblemFixture.valid(root, "zebra-count");
        ProblemFixture.valid(root, "apple-sum").yamlLine("modes:", "modes: [royale]").yamlLine("sabotageReference:", "");
        Files.writeString(root.resolve("README.md"), "# problems\n");
        Files.createDirectories(root.resolve(".scratch"));

        ProblemSet set = ProblemSet.load(root);

        assertThat(set.problems()).extracting(ProblemDefinition::slug).containsExactly("apple-sum", "zebra-count");
        assertThat(set.find("apple-sum")).isPresent();
        assertThat(set.find("missing")).isEmpty();
        assertThat(set.offeredIn(ProblemMode.SABOTAGE)).extracting(ProblemDefinition::slug).containsExactly("zebra-count");
        assertThat(set.offeredIn(ProblemMode.ROYALE)).extracting(ProblemDefinition::slug).containsExactly("apple-sum");
    }

    @Test
    void reportsEveryBrokenProblemAtOnce() {
        ProblemFixture.valid(root, "fine");
        ProblemFixture.valid(root, "no-title").yamlLine("title:", "");
        ProblemFixture.valid(root, "too-hard").yamlLine("difficulty:", "difficulty: 9");

        assertThatThrownBy(() -> ProblemSet.load(root))
                .isInstanceOfSatisfying(ProblemFormatException.class, e -> {
                    assertThat(e.error()).isEqualTo(Error.MISSING_FIELD);
                    assertThat(e.problem().getFileName()).hasToString("no-title");
                    assertThat(e.getSuppressed()).singleElement()
                            .isInstanceOfSatisfying(ProblemFormatException.class,
                                    other -> assertThat(other.error()).isEqualTo(Error.INVALID_VALUE));
                });
    }

    @Test
    void directoriesWithoutMetadataAreHelpersNotProblems() throws Exception {
        ProblemFixture.valid(root, "fine");
        Files.createDirectories(root.resolve("tools"));
        Files.writeString(root.resolve("tools/check_problem.py"), "print('helper')\n");

        assertThat(ProblemSet.load(root).problems()).extracting(ProblemDefinition::slug).containsExactly("fine");
    }

    @Test
    void missingRootIsAMissingFile() {
        assertThatThrownBy(() -> ProblemSet.load(root.resolve("nope")))
                .isInstanceOfSatisfying(ProblemFormatException.class, e -> assertThat(e.error()).isEqualTo(Error.MISSING_FILE));
    }
}
