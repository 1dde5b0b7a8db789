package dev.codearena.judge.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckersTest {

    @TempDir
    Path dir;

    Verdict check(String spec, String expected, String actual) throws Exception {
        Path in = Files.writeString(dir.resolve("in"), "input\n");
        Path want = Files.writeString(dir.resolve("want"), expected);
        Path got = Files.writeString(dir.resolve("got"), actual);
        return new Checkers(dir.resolve("work")).forSpec(CheckerSpec.parse(spec), dir).check(in, want, got).verdict();
    }

    @Test
    void tokensIgnoreSpacingButNotContent() throws Exception {
        assertThat(check("tokens", "1 2\n3\n", "1\n2   3")).isEqualTo(Verdict.AC);
        assertThat(check("tokens", "1 2 3\n", "1 2\n")).isEqualTo(Verdict.WA);
        assertThat(check("tokens", "1 2\n", "1 2 3\n")).isEqualTo(Verdict.WA);
        assertThat(check("tokens", "yes\n", "Yes\n")).isEqualTo(Verdict.WA);
    }

    @Test
    void exactToleratesOnlyLineEndings() throws Exception {
        assertThat(check("exact", "a b\nc\n", "a b\r\nc")).isEqualTo(Verdict.AC);
        assertThat(check("exact", "a b\n", "a  b\n")).isEqualTo(Verdict.WA);
        assertThat(check("exact", "a\n", "a\n\n")).isEqualTo(Verdict.WA);
    }

    @Test
    void floatAcceptsAbsoluteOrRelativeError() throws Exception {
        assertThat(check("float:1e-6", "0.3333333\n", "0.33333334")).isEqualTo(Verdict.AC);
        assertThat(check("float:1e-6", "1000000000\n", "1000000500")).isEqualTo(Verdict.AC);
        assertThat(check("float:1e-6", "1.5\n", "1.51")).isEqualTo(Verdict.WA);
        assertThat(check("float:1e-6", "1.5 word\n", "1.5 other")).isEqualTo(Verdict.WA);
        assertThat(check("float:1e-6", "1.5\n", "nan")).isEqualTo(Verdict.WA);
    }

    @Test
    void customCheckerExitCodesMapToAcWaAndIe() throws Exception {
        Files.writeString(dir.resolve("checker.cpp"), """
                #include <fstream>
                #include <string>
                // accepts any answer with the same parity as the expected one; exit 3 on an empty answer
                int main(int argc, char** argv) {
                    std::ifstream want(argv[2]), got(argv[3]);
                    long long a, b;
                    want >> a;
                    if (!(got >> b)) return 3;
                    return (a - b) % 2 == 0 ? 0 : 1;
                }
                """);
        assertThat(check("checker.cpp", "4\n", "10\n")).isEqualTo(Verdict.AC);
        assertThat(check("checker.cpp", "4\n", "7\n")).isEqualTo(Verdict.WA);
        assertThat(check("checker.cpp", "4\n", "")).isEqualTo(Verdict.IE);
        assertThat(Files.list(dir.resolve("work").resolve("checkers")).count()).as("compiled once, cached").isEqualTo(1);
    }
}
