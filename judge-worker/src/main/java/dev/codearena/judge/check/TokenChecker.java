package dev.codearena.judge.check;

import java.io.IOException;
import java.nio.file.Path;

/** The default checker: the same whitespace-separated tokens, whatever the spacing and line breaks. */
class TokenChecker implements Checker {

    @Override
    public CheckResult check(Path input, Path expected, Path actual) throws IOException {
        try (TokenReader want = new TokenReader(expected); TokenReader got = new TokenReader(actual)) {
            for (int index = 1; ; index++) {
                String a = want.next();
                String b = got.next();
                if (a == null && b == null) {
                    return CheckResult.ACCEPTED;
                }
                if (a == null) {
                    return CheckResult.wrong("extra output at token " + index);
                }
                if (b == null) {
                    return CheckResult.wrong("output ends early at token " + index);
                }
                if (!compare(a, b)) {
                    return CheckResult.wrong("token " + index + " differs");
                }
            }
        }
    }

    boolean compare(String expected, String actual) {
        return expected.equals(actual);
    }
}
