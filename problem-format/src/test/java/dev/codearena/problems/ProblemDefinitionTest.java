package dev.codearena.problems;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.problems.ProblemFormatException.Error;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemDefinitionTest {

    @TempDir
    Path root;

    @Test
    void readsEveryFieldOfAValidProblem() {
        ProblemDefinition problem = ProblemFixture.valid(root, "lantern-sum").read();

        assertThat(problem.slug()).isEqualTo("lantern-sum");
        assertThat(problem.title()).isEqualTo("Lantern Sum");
        assertThat(problem.difficulty()).isEqualTo(2);
        assertThat(problem.tags()).containsExactly("math", "implementation");
        assertThat(problem.limits()).isEqualTo(new ProblemLimits(1000, 128));
        assertThat(problem.checker()).isEqualTo(CheckerSpec.TOKENS);
        assertThat(problem.modes()).containsExactlyInAnyOrder(ProblemMode.BLITZ, ProblemMode.GOLF, ProblemMode.SABOTAGE);
        assertThat(problem.solutions()).containsExactly(
                new ReferenceSolution(Path.of("solutions/ref.cpp"), Language.CPP17, Verdict.AC),
                new ReferenceSolution(Path.of("solutions/ref.py"), Language.PYTHON3, Verdict.AC),
                new ReferenceSolution(Path.of("solutions/slow.py"), Language.PYTHON3, Verdict.TLE),
                new ReferenceSolution(Path.of("solutions/Main.java"), Language.JAVA17, Verdict.AC));
        assertThat(problem.sabotageReference()).isEqualTo(Path.of("solutions/ref.py"));
        assertThat(problem.sabotageReferenceFile()).contains(problem.directory().resolve("solutions/ref.py"));
        assertThat(problem.statementMarkdown()).startsWith("# Lantern Sum");
        assertThat(problem.version()).matches("[0-9a-f]{16}");
        assertThat(problem.versionAsLong()).isEqualTo(Long.parseUnsignedLong(problem.version(), 16));
    }

    @Test
    void defaultsCheckerToTokensAndMemoryTo256() {
        ProblemFixture fixture = ProblemFixture.valid(root, "p").yaml(ProblemFixture.VALID_YAML
                .replace("checker: tokens\n", "").replace("memoryMb: 128\n", ""));

        ProblemDefinition problem = fixture.read();

        assertThat(problem.checker()).isEqualTo(CheckerSpec.TOKENS);
        assertThat(problem.limits().memoryMb()).isEqualTo(256);
    }

    @Test
    void acceptsFloatAndExactCheckers() {
        assertThat(ProblemFixture.valid(root, "a").yamlLine("checker:", "checker: float:1e-4").read().checker())
                .isEqualTo(CheckerSpec.floatTolerance(1e-4));
        assertThat(ProblemFixture.valid(root, "b").yamlLine("checker:", "checker: exact").read().checker())
                .isEqualTo(CheckerSpec.EXACT);
    }

    @Test
    void customCheckerNamesCheckerCppInTheProblemDirectory() {
        ProblemFixture fixture = ProblemFixture.valid(root, "any-order").yamlLine("checker:", "checker: custom")
                .write("checker.cpp", "int main(){return 0;}\n");

        ProblemDefinition problem = fixture.read();

        assertThat(problem.checker().kind()).isEqualTo(CheckerSpec.Kind.CUSTOM);
        assertThat(problem.checker().toString()).isEqualTo("checker.cpp");
        assertThat(problem.customCheckerSource()).contains(fixture.dir().resolve("checker.cpp"));
    }

    @Test
    void customCheckerWithoutCheckerCppIsAMissingFile() {
        ProblemFixture fixture = ProblemFixture.valid(root, "p").yamlLine("checker:", "checker: custom");

        assertFails(fixture, Error.MISSING_FILE, "checker.cpp");
    }

    @Test
    void unknownCheckerIsRefused() {
        assertFails(ProblemFixture.valid(root, "p").yamlLine("checker:", "checker: fuzzy"), Error.UNKNOWN_CHECKER, "fuzzy");
    }

    @Test
    void floatToleranceMustBeANumberBelowOne() {
        assertFails(ProblemFixture.valid(root, "a").yamlLine("checker:", "checker: float:abc"), Error.INVALID_VALUE, "float:abc");
        assertFails(ProblemFixture.valid(root, "b").yamlLine("checker:", "checker: float:2"), Error.INVALID_VALUE, "float:2");
    }

    @Test
    void difficultyOutsideOneToFiveIsRefused() {
        assertFails(ProblemFixture.valid(root, "a").yamlLine("difficulty:", "difficulty: 0"), Error.INVALID_VALUE, "difficulty must be 1..5, was 0");
        assertFails(ProblemFixture.valid(root, "b").yamlLine("difficulty:", "difficulty: 6"), Error.INVALID_VALUE, "was 6");
    }

    @Test
    void nonNumericDifficultyNamesTheField() {
        assertFails(ProblemFixture.valid(root, "p").yamlLine("difficulty:", "difficulty: hard"), Error.INVALID_VALUE, "difficulty");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertFails(ProblemFixture.valid(root, "a").yamlLine("title:", ""), Error.MISSING_FIELD, "title");
        assertFails(ProblemFixture.valid(root, "b").yamlLine("difficulty:", ""), Error.MISSING_FIELD, "difficulty");
        assertFails(ProblemFixture.valid(root, "c").yamlLine("timeLimitMs:", ""), Error.MISSING_FIELD, "timeLimitMs");
        assertFails(ProblemFixture.valid(root, "d").yamlLine("modes:", ""), Error.MISSING_FIELD, "modes");
    }

    @Test
    void sabotageModeRequiresASabotageReference() {
        assertFails(ProblemFixture.valid(root, "p").yamlLine("sabotageReference:", ""), Error.MISSING_FIELD, "sabotageReference");
    }

    @Test
    void sabotageReferenceMustBeAnAcceptedListedSolution() {
        assertFails(ProblemFixture.valid(root, "p").yamlLine("sabotageReference:", "sabotageReference: solutions/slow.py"),
                Error.INVALID_VALUE, "expect: AC");
    }

    @Test
    void listedSolutionThatDoesNotExistIsAMissingFile() {
        assertFails(ProblemFixture.valid(root, "p").delete("solutions/slow.py"), Error.MISSING_FILE, "solutions/slow.py");
    }

    @Test
    void solutionsMustIncludeCppAndPythonReferences() {
        String withoutCpp = ProblemFixture.VALID_YAML.replace("  - { file: solutions/ref.cpp, expect: AC }\n", "");
        assertFails(ProblemFixture.valid(root, "p").yaml(withoutCpp), Error.MISSING_FIELD, "C++ and a Python reference");
    }

    @Test
    void unknownExtensionAndUnknownVerdictAreRefused() {
        ProblemFixture rust = ProblemFixture.valid(root, "a").write("solutions/ref.rs", "fn main(){}")
                .yamlLine("  - { file: solutions/Main.java", "  - { file: solutions/ref.rs, expect: AC }");
        assertFails(rust, Error.INVALID_VALUE, "unknown extension");

        ProblemFixture verdict = ProblemFixture.valid(root, "b").yamlLine("  - { file: solutions/slow.py", "  - { file: solutions/slow.py, expect: SLOW }");
        assertFails(verdict, Error.INVALID_VALUE, "unknown verdict 'SLOW'");
    }

    @Test
    void pathsEscapingTheProblemDirectoryAreRefused() {
        ProblemFixture fixture = ProblemFixture.valid(root, "p")
                .yamlLine("  - { file: solutions/Main.java", "  - { file: ../outside.py, expect: AC }");
        ProblemFixture.valid(root, "q").write("../outside.py", "print(1)");

        assertFails(fixture, Error.INVALID_VALUE, "outside the problem directory");
    }

    @Test
    void unknownMetadataFieldIsATypo() {
        assertFails(ProblemFixture.valid(root, "p").yaml(ProblemFixture.VALID_YAML + "timelimit: 5\n"), Error.UNKNOWN_FIELD, "timelimit");
    }

    @Test
    void unknownModeIsRefused() {
        assertFails(ProblemFixture.valid(root, "p").yamlLine("modes:", "modes: [blitz, marathon]"), Error.INVALID_VALUE, "marathon");
    }

    @Test
    void brokenYamlIsMalformedMetadata() {
        assertFails(ProblemFixture.valid(root, "p").yaml("title: [unclosed\n"), Error.MALFORMED_METADATA, "not valid YAML");
    }

    @Test
    void directoryNameMustBeASlug() {
        assertFails(ProblemFixture.valid(root, "Bad_Slug"), Error.INVALID_SLUG, "Bad_Slug");
    }

    @Test
    void missingStatementIsAMissingFile() {
        assertFails(ProblemFixture.valid(root, "p").delete("statement.md"), Error.MISSING_FILE, "statement.md");
    }

    @Test
    void testInputWithoutExpectedOutputIsIncomplete() {
        assertFails(ProblemFixture.valid(root, "p").write("tests/02.in", "1\n5\n"), Error.INCOMPLETE_TEST, "02.in has no 02.out");
    }

    @Test
    void problemWithNeitherTestsNorGeneratorIsRefused() {
        ProblemFixture fixture = ProblemFixture.valid(root, "p").delete("tests/01-sample.in").delete("tests/01-sample.out");

        assertFails(fixture, Error.MISSING_FILE, "no gen.py");
    }

    @Test
    void versionDependsOnJudgedContentOnly() {
        ProblemDefinition original = ProblemFixture.valid(root, "one").read();
        ProblemDefinition copy = ProblemFixture.valid(root.resolve("elsewhere"), "one").read();
        ProblemDefinition newSolution = ProblemFixture.valid(root.resolve("sol"), "one")
                .write("solutions/ref.py", "print(1 + 2)\n").read();
        ProblemDefinition changedTest = ProblemFixture.valid(root.resolve("test"), "one")
                .write("tests/01-sample.out", "4\n").read();
        ProblemDefinition addedGenerator = ProblemFixture.valid(root.resolve("gen"), "one")
                .write("gen.py", "pass\n").read();
        ProblemDefinition changedStatement = ProblemFixture.valid(root.resolve("st"), "one")
                .write("statement.md", "# Lantern Sum\n\nAdd them.\n").read();

        assertThat(copy.version()).isEqualTo(original.version());
        assertThat(newSolution.version()).isEqualTo(original.version());
        assertThat(changedTest.version()).isNotEqualTo(original.version());
        assertThat(addedGenerator.version()).isNotEqualTo(original.version());
        assertThat(changedStatement.version()).isNotEqualTo(original.version());
    }

    private static void assertFails(ProblemFixture fixture, Error error, String messagePart) {
        assertThatThrownBy(fixture::read)
                .isInstanceOfSatisfying(ProblemFormatException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.problem()).isEqualTo(fixture.dir().toAbsolutePath().normalize());
                })
                .hasMessageContaining(messagePart);
    }
}
