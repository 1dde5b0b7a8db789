package dev.codearena.api.problem;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.ReferenceSolution;
import java.util.List;
import java.util.Set;

/**
 * What a problem version says: metadata, statement and where its materialised tests are. Test
 * contents never travel in events.
 *
 * @param testsDir          tests directory, relative to the judge's problem store ({@code <slug>/<version>/tests})
 * @param sabotageReference the readable reference solution Sabotage starts from (null if the problem has no Sabotage)
 */
public record ProblemDefinition(
        String title,
        int difficulty,
        List<String> tags,
        long timeLimitMs,
        int memoryMb,
        CheckerSpec checker,
        Set<MatchMode> modes,
        String statementMarkdown,
        String testsDir,
        int testCount,
        ReferenceSolution sabotageReference) {

    public ProblemDefinition {
        tags = tags == null ? List.of() : List.copyOf(tags);
        modes = modes == null ? Set.of() : Set.copyOf(modes);
    }
}
