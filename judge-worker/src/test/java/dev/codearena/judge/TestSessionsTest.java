package dev.codearena.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.TestResult;
import dev.codearena.api.judge.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission's tests spread over several sandbox sessions at once must be judged exactly as if
 * they had run one after the other: results in test order, to the first failure when judging stops
 * there, the verdict of the first failing test, the listener called once per reported test, in order.
 */
class TestSessionsTest {

    /** Doubles its input, except for 4 (test 4 of 9) where it is wrong; 7 sleeps a little so sessions finish out of order. */
    static final String WRONG_ON_FOUR = """
            import time
            n = int(input())
            if n == 7:
                time.sleep(0.3)
            print(0 if n == 4 else 2 * n)
            """;

    @TempDir
    static Path temp;
    static Judge judge;
    static Path tests;

    @BeforeAll
    static void judgeWithThreeSessions() throws Exception {
        JudgeFixture.judge("local"); // skips (or fails, if required) where the local sandbox cannot run
        judge = Judge.create(JudgeConfig.defaults("local").withWorkDir(temp.resolve("work")).withPrecompiledHeader(false)
                .withTestSessions(3));
        tests = Files.createDirectories(temp.resolve("tests"));
        for (int i = 1; i <= 9; i++) {
            Files.writeString(tests.resolve(i + ".in"), i + "\n");
            Files.writeString(tests.resolve(i + ".out"), 2 * i + "\n");
        }
    }

    @AfterAll
    static void close() {
        if (judge != null) {
            judge.close();
        }
    }

    @Test
    void stopsAtTheFirstFailureInTestOrder() throws Exception {
        List<Integer> indexes = new ArrayList<>();
        List<TestResult> streamed = new ArrayList<>();
        JudgeResult result = judge.judge(job(WRONG_ON_FOUR, true), (index, count, test) -> {
            indexes.add(index);
            streamed.add(test);
        });
        assertThat(result.verdict()).as("%s", result).isEqualTo(Verdict.WA);
        assertThat(result.tests()).extracting(TestResult::name).containsExactly("1", "2", "3", "4");
        assertThat(result.tests()).extracting(TestResult::verdict).containsExactly(Verdict.AC, Verdict.AC, Verdict.AC, Verdict.WA);
        assertThat(indexes).containsExactly(0, 1, 2, 3);
        assertThat(streamed).isEqualTo(result.tests());
    }

    @Test
    void runsEveryTestInOrderWhenNotStopping() throws Exception {
        List<Integer> indexes = new ArrayList<>();
        JudgeResult result = judge.judge(job(WRONG_ON_FOUR, false), (index, count, test) -> indexes.add(index));
        assertThat(result.verdict()).isEqualTo(Verdict.WA);
        assertThat(result.tests()).extracting(TestResult::name).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(result.tests()).filteredOn(t -> t.verdict() != Verdict.AC).extracting(TestResult::name).containsExactly("4");
        assertThat(indexes).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void acceptsWhenEveryTestPasses() throws Exception {
        JudgeResult result = judge.judge(job("n = int(input())\nprint(2 * n)\n", true), JudgeListener.NONE);
        assertThat(result.verdict()).isEqualTo(Verdict.AC);
        assertThat(result.tests()).hasSize(9).allSatisfy(t -> assertThat(t.verdict()).isEqualTo(Verdict.AC));
    }

    @Test
    void syntaxErrorIsCompileErrorWithTheLineAndTheMessage() throws Exception {
        JudgeResult result = judge.judge(job("x = (\nprint(1)\n", true), JudgeListener.NONE);
        assertThat(result.verdict()).isEqualTo(Verdict.CE);
        assertThat(result.compile().output()).contains("main.py\", line 1").contains("SyntaxError: '(' was never closed");
        assertThat(result.tests()).isEmpty();
    }

    /**
     * A new Python source: its syntax check runs while the tests already run, and no test result
     * reaches the listener before the check passed.
     */
    @Test
    void testResultsWaitForTheSyntaxCheck() throws Exception {
        List<String> events = new ArrayList<>();
        JudgeResult result = judge.judge(job("n = int(input())\nprint(2 * n)\n# " + UUID.randomUUID() + "\n", true),
                new JudgeListener() {
                    @Override
                    public void onCompiled(dev.codearena.api.judge.CompileResult compiled) {
                        events.add("compiled " + compiled.success());
                    }

                    @Override
                    public void onTest(int index, int tests, TestResult test) {
                        events.add("test " + index);
                    }
                });
        assertThat(result.verdict()).as("%s", result).isEqualTo(Verdict.AC);
        assertThat(result.compile().cached()).isFalse();
        assertThat(events).containsExactly("compiled true", "test 0", "test 1", "test 2", "test 3", "test 4", "test 5",
                "test 6", "test 7", "test 8");
    }

    /** A syntax error is CE, and not one result of the tests that started alongside the check leaks out. */
    @Test
    void aSourceFailingTheCheckGetsNoTestResult() throws Exception {
        List<String> events = new ArrayList<>();
        String source = "n = int(input())\nprint(2 * n)\n" + "x = 1\n".repeat(50) + "def broken(:\n    pass\n# " + UUID.randomUUID() + "\n";
        JudgeResult result = judge.judge(job(source, false), new JudgeListener() {
            @Override
            public void onCompiled(dev.codearena.api.judge.CompileResult compiled) {
                events.add("compiled " + compiled.success());
            }

            @Override
            public void onTest(int index, int tests, TestResult test) {
                events.add("test " + index);
            }
        });
        assertThat(result.verdict()).isEqualTo(Verdict.CE);
        assertThat(result.tests()).isEmpty();
        assertThat(result.compile().output()).contains("main.py\", line 53");
        assertThat(events).containsExactly("compiled false");
    }

    /**
     * A listener that fails on the judging thread ends judging, but only once the other session's
     * thread, which is running the slow test 2 meanwhile, is done too: judge() never leaves a
     * session of its submission running behind it.
     */
    @Test
    void waitsForTheOtherSessionWhenTheListenerFails() throws Exception {
        String slowSecond = "import time\nn = int(input())\nif n == 2:\n    time.sleep(0.8)\nprint(2 * n)\n";
        JudgeJob job = job(slowSecond, true);
        judge.judge(job, JudgeListener.NONE); // the check is cached from now on: the tests' threads call the listener
        long start = System.nanoTime();
        try {
            JudgeResult result = judge.judge(job, (index, count, test) -> {
                throw new IllegalStateException("listener failed");
            });
            assertThat(result.verdict()).isEqualTo(Verdict.IE);
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("listener failed");
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(800);
    }

    private static JudgeJob job(String source, boolean stopOnFirstFailure) {
        return new JudgeJob("sessions-" + UUID.randomUUID(), null, "tester", "double", 1, Language.PYTHON3, source,
                tests.toString(), CheckerSpec.TOKENS, 2000, 256, stopOnFirstFailure, 1);
    }
}
