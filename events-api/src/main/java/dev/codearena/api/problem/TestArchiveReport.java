package dev.codearena.api.problem;

import java.util.List;

/** Tests accepted from an uploaded archive: the pairs now in the draft, replacing the previous ones. */
public record TestArchiveReport(int testCount, List<String> tests, long totalBytes) {

    public TestArchiveReport {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }
}
