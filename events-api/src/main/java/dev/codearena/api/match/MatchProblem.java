package dev.codearena.api.match;

import dev.codearena.api.problem.ProblemId;

/**
 * One problem of a match, pinned to the catalogue version the match was created with.
 *
 * @param points Blitz points (0 in other modes)
 * @param sabotageReference the reference to sabotage (Sabotage mode only, else null)
 */
public record MatchProblem(
        ProblemId problemId,
        long version,
        String title,
        int difficulty,
        int points,
        JudgeSpec judge,
        ReferenceSolution sabotageReference) {
}
