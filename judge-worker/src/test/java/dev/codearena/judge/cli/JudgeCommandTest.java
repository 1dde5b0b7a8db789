package dev.codearena.judge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge command line as problem authors use it: one JSON object out, exit codes for usage errors. */
class JudgeCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int judge(String... args) {
        return JudgeCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    Path sumTests() throws Exception {
        Path tests = Files.createDirectories(dir.resolve("tests"));
        Files.writeString(tests.resolve("1.in"), "2 3\n");
        Files.writeString(tests.resolve("1.out"), "5\n");
        Files.writeString(tests.resolve("2.in"), "10 -4\n");
        Files.writeString(tests.resolve("2.out"), "6\n");
        return tests;
    }

    @Test
    void printsOneJsonObjectWithPerTestResults() throws Exception {
        Path source = Files.writeString(dir.resolve("sum.py"), "a, b = map(int, input().split())\nprint(a + b)\n");
        int exit = judge("--language", "python3", "--source", source.toString(), "--tests", sumTests().toString(),
                "--work-dir", dir.resolve("work").toString());
        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("verdict").asText()).isEqualTo("AC");
        assertThat(json.path("compile").path("success").asBoolean()).isTrue();
        assertThat(json.path("tests")).hasSize(2);
        JsonNode first = json.path("tests").get(0);
        assertThat(first.path("name").asText()).isEqualTo("1");
        assertThat(first.path("verdict").asText()).isEqualTo("AC");
        assertThat(first.path("exitCode").asInt()).isZero();
        assertThat(first.has("signal")).isTrue();
        assertThat(first.path("memoryKb").asLong()).isPositive();
        assertThat(first.has("cpuMs") && first.has("wallMs")).isTrue();
    }

    @Test
    void wrongAnswerIsStillExitZeroWithTheVerdict() throws Exception {
        Path source = Files.writeString(dir.resolve("wrong.py"), "print(5)\n");
        int exit = judge("--language", "python3", "--source", source.toString(), "--tests", sumTests().toString(),
                "--checker", "exact", "--all-tests", "--work-dir", dir.resolve("work").toString());
        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("verdict").asText()).isEqualTo("WA");
        assertThat(json.path("tests").get(0).path("verdict").asText()).isEqualTo("AC");
        assertThat(json.path("tests").get(1).path("verdict").asText()).isEqualTo("WA");
    }

    @Test
    void usageErrorsExitNonZeroWithAMessage() throws Exception {
        Path source = Files.writeString(dir.resolve("a.py"), "print(1)\n");
        assertThat(judge("--language", "cobol", "--source", source.toString(), "--tests", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown language");
        assertThat(judge("--language", "python3", "--source", source.toString())).isEqualTo(2);
        assertThat(judge("--language", "python3", "--source", dir.resolve("missing.py").toString(), "--tests", dir.toString())).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesATooLargeSourceBeforeAnyWork() throws Exception {
        Path source = Files.writeString(dir.resolve("big.py"), "#" + "x".repeat(70_000) + "\nprint(1)\n");
        int exit = judge("--language", "python3", "--source", source.toString(), "--tests", sumTests().toString(),
                "--work-dir", dir.resolve("work").toString());
        assertThat(exit).isEqualTo(JudgeCommand.EXIT_REFUSED);
        assertThat(err.toString()).contains("SOURCE_TOO_LARGE", "65536");
    }
}
