package dev.codearena.problems;

import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;

import java.nio.file.Path;

/**
 * A solution kept with the problem and judged by the validation test.
 *
 * @param file     path relative to the problem directory, e.g. {@code solutions/ref.cpp}
 * @param language taken from the file extension
 * @param expected the verdict the judge must give it (AC for references, TLE for slow ones)
 */
public record ReferenceSolution(Path file, Language language, Verdict expected) {
}
