package dev.codearena.judge.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Line by line, character for character. Only line endings are normalised (\r\n = \n, and a
 * missing final newline is tolerated), since those depend on the author's editor, not on the answer.
 */
final class ExactChecker implements Checker {

    @Override
    public CheckResult check(Path input, Path expected, Path actual) throws IOException {
        try (BufferedReader want = Files.newBufferedReader(expected, StandardCharsets.ISO_8859_1);
             BufferedReader got = Files.newBufferedReader(actual, StandardCharsets.ISO_8859_1)) {
            for (int line = 1; ; line++) {
                String a = want.readLine();
                String b = got.readLine();
                if (a == null && b == null) {
                    return CheckResult.ACCEPTED;
                }
                if (a == null || b == null || !a.equals(b)) {
                    return CheckResult.wrong("line " + line + " differs");
                }
            }
        }
    }
}
