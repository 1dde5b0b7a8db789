package dev.codearena.problems;

import java.nio.file.Path;
import java.util.List;

/** The test rules of the format, for tests that arrive on their own (an admin's upload) rather than in a problem directory. */
public final class TestDirectory {

    private TestDirectory() {
    }

    /**
     * @return the test names (sorted) of a directory of {@code NAME.in} / {@code NAME.out} pairs
     * @throws ProblemFormatException {@code INCOMPLETE_TEST} when an input lacks its output or vice versa
     */
    public static List<String> pairs(Path testsDir) {
        return TestFiles.requireComplete(testsDir, testsDir);
    }
}
