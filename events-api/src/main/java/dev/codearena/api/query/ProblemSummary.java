package dev.codearena.api.query;

import dev.codearena.api.problem.ProblemId;
import java.util.List;

/** A catalogue entry in the problem list (latest version). */
public record ProblemSummary(ProblemId problemId, long version, String title, int difficulty, List<String> tags,
                             List<String> modes, boolean retired) {
}
