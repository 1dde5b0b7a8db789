package dev.codearena.judge.check;

import java.io.IOException;
import java.nio.file.Path;

/** Compares a program's output with the expected answer. Runs on the host, never in the player's sandbox. */
public interface Checker {

    CheckResult check(Path input, Path expected, Path actual) throws IOException;
}
