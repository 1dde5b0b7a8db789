package dev.codearena.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.TestResult;
import dev.codearena.api.judge.Verdict;
import dev.codearena.judge.sandbox.LocalSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data-driven end-to-end suite: every directory under {@code src/test/resources/hostile}
 * and {@code src/test/resources/languages} holds {@code source.<ext>} and
 * {@code expect.properties} (language, verdict, tests, timeLimitMs, memoryMb, padTo), and is
 * judged through the real judge on every sandbox in {@link #SANDBOXES}. After every case a
 * normal submission must still be judged AC, and (local sandbox) no process of any sandbox
 * uid may survive.
 */
class JudgeSuiteTest {

    /** Every sandbox the suite runs on: adding a sandbox is one entry here. */
    static final List<String> SANDBOXES = List.of("local", "docker");

    static final String AC_SOURCE = "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n";

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        List<Arguments> cases = new ArrayList<>();
        for (String group : List.of("languages", "hostile")) {
            Path root = resource(group);
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.sorted().toList()) {
                    for (String sandbox : SANDBOXES) {
                        cases.add(Arguments.of(sandbox, group + "/" + dir.getFileName()));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void judgesCaseAsExpected(String sandbox, String caseName, @TempDir Path temp) throws Exception {
        Judge judge = JudgeFixture.judge(sandbox);
        Path caseDir = resource(caseName);
        Properties expect = new Properties();
        try (InputStream in = Files.newInputStream(caseDir.resolve("expect.properties"))) {
            expect.load(in);
        }
        Language language = Language.fromId(expect.getProperty("language"));
        String source = Files.readString(sourceFile(caseDir), StandardCharsets.UTF_8);
        int padTo = Integer.parseInt(expect.getProperty("padTo", "0"));
        if (padTo > 0) {
            source = source + "#" + "x".repeat(Math.max(0, padTo - source.length() - 2)) + "\n";
        }
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path tests = materialiseTests(expect.getProperty("tests"), temp, listener.getLocalPort(), judge);
            JudgeJob job = job(language, source, tests, expect);
            String expected = expect.getProperty("verdict");
            if (expected.equals("REFUSED")) {
                assertThatThrownBy(() -> judge.judge(job, JudgeListener.NONE))
                        .isInstanceOf(JudgeRequestException.class)
                        .extracting(e -> ((JudgeRequestException) e).reason())
                        .isEqualTo(JudgeRequestException.Reason.SOURCE_TOO_LARGE);
            } else {
                List<TestResult> streamed = new CopyOnWriteArrayList<>();
                JudgeResult result = judge.judge(job, (index, count, test) -> streamed.add(test));
                assertThat(result.verdict()).as("verdict of %s: %s", caseName, result).isEqualTo(Verdict.valueOf(expected));
                assertThat(streamed).isEqualTo(result.tests());
                if (result.verdict() == Verdict.CE) {
                    assertThat(result.compile().output()).isNotBlank();
                    assertThat(result.compile().output().length()).isLessThanOrEqualTo(Compiler.MESSAGE_LIMIT + 20);
                } else {
                    assertThat(result.tests()).isNotEmpty();
                    assertThat(result.tests().get(result.tests().size() - 1).verdict()).isEqualTo(result.verdict());
                }
            }
        }
        assertNormalSubmissionStillAccepted(judge, temp);
        if (judge.sandbox() instanceof LocalSandbox) {
            assertThat(sandboxProcesses()).as("processes left behind by %s", caseName).isEmpty();
        }
    }

    private static void assertNormalSubmissionStillAccepted(Judge judge, Path temp) throws Exception {
        Path tests = materialiseTests("sum", temp.resolve("after"), 0, judge);
        JudgeResult after = judge.judge(new JudgeJob("after-" + UUID.randomUUID(), null, "p", "sum", 1, Language.CPP17,
                AC_SOURCE, tests.toString(), CheckerSpec.TOKENS, 1000, 256, true, 1), JudgeListener.NONE);
        assertThat(after.verdict()).as("normal submission after the case: %s", after).isEqualTo(Verdict.AC);
        assertThat(after.tests()).hasSize(3);
    }

    static JudgeJob job(Language language, String source, Path tests, Properties expect) {
        return new JudgeJob("case-" + UUID.randomUUID(), null, "tester", "case", 1, language, source, tests.toString(),
                CheckerSpec.TOKENS, Long.parseLong(expect.getProperty("timeLimitMs", "1000")),
                Integer.parseInt(expect.getProperty("memoryMb", "256")), true, 1);
    }

    /** Copies a test set, filling in the placeholders hostile programs probe. */
    static Path materialiseTests(String name, Path temp, int port, Judge judge) throws IOException, URISyntaxException {
        Path target = Files.createDirectories(temp.resolve("tests-" + name));
        String judgeFile = Path.of(Judge.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try (Stream<Path> files = Files.list(resource("judge-tests/" + name))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file)
                        .replace("{{PORT}}", Integer.toString(port))
                        .replace("{{SECRET_DIR}}", target.toString())
                        .replace("{{JUDGE_FILE}}", judgeFile)
                        .replace("{{WORK_DIR}}", JudgeConfig.defaults("local").workDir().toString());
                Files.writeString(target.resolve(file.getFileName()), text);
            }
        }
        return target;
    }

    static Path sourceFile(Path caseDir) throws IOException {
        try (Stream<Path> files = Files.list(caseDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("source.")).findFirst().orElseThrow();
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(JudgeSuiteTest.class.getClassLoader().getResource(name).toURI());
    }

    /**
     * Descendants of this JVM running under a sandbox uid. (Other judges on the machine, e.g. a
     * running arena, legitimately have sandbox processes of their own.) Nothing can escape the
     * descendant tree: orphans are reparented inside the sandbox's pid namespace.
     */
    static List<String> sandboxProcesses() {
        List<String> found = new ArrayList<>();
        ProcessHandle.current().descendants().forEach(process -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("Uid:")) {
                        int uid = Integer.parseInt(line.split("\\s+")[1]);
                        if (uid >= LocalSandbox.FIRST_UID && uid < LocalSandbox.FIRST_UID + LocalSandbox.UID_COUNT) {
                            found.add(process.pid() + " uid " + uid + " " + process.info().commandLine().orElse(""));
                        }
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended while we looked
            }
        });
        return found;
    }
}
