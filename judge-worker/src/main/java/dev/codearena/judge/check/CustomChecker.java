package dev.codearena.judge.check;

import dev.codearena.api.judge.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A testlib-style checker program: {@code checker input expected actual}. Exit 0 = AC, 1 = WA,
 * anything else (testlib's FAIL = 3, a problem's "jury error" = 2, a crash, a timeout) = IE,
 * because a checker that cannot decide says nothing about the player.
 * It is the problem author's trusted code, so it runs on the host with a timeout.
 */
final class CustomChecker implements Checker {

    static final long TIMEOUT_SECONDS = 10;

    private final List<String> command;

    CustomChecker(List<String> command) {
        this.command = List.copyOf(command);
    }

    @Override
    public CheckResult check(Path input, Path expected, Path actual) throws IOException {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of(input.toString(), expected.toString(), actual.toString()));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            byte[] output = process.getInputStream().readNBytes(2048);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return new CheckResult(Verdict.IE, "checker timed out");
            }
            String message = new String(output, StandardCharsets.UTF_8).strip();
            return switch (process.exitValue()) {
                case 0 -> new CheckResult(Verdict.AC, message.isEmpty() ? null : message);
                case 1 -> CheckResult.wrong(message);
                default -> new CheckResult(Verdict.IE, "checker failed (exit " + process.exitValue() + "): " + message);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(Verdict.IE, "interrupted");
        } finally {
            process.destroyForcibly();
        }
    }
}
