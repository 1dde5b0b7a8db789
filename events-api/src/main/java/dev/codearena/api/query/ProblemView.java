package dev.codearena.api.query;

import dev.codearena.api.problem.ProblemId;
import java.time.Instant;
import java.util.List;

/** A catalogue entry with its statement (Markdown) and limits; tests and reference solutions are never served. */
public record ProblemView(ProblemId problemId, long version, String title, int difficulty, List<String> tags,
                          List<String> modes, long timeLimitMs, int memoryMb, int testCount, String statementMarkdown,
                          boolean retired, String retiredReason, Instant publishedAt) {
}
