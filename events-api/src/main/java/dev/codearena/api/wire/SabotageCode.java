package dev.codearena.api.wire;

import dev.codearena.api.judge.Language;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;

/**
 * Reply to {@code match:code}: what one Sabotage player edits. Sent to that player only (the live view,
 * which spectators see, never carries code).
 *
 * @param referenceSource the correct reference to inject a bug into (phase 1)
 * @param editBudgetLines most lines a sabotage may change against the reference
 * @param repairSource    phase 2: the opponent's accepted sabotage (or the plain reference when the opponent
 *                        had none accepted) that this player must repair; null before phase 2
 * @param saboteurId      phase 2: whose code {@code repairSource} is; null before phase 2
 */
public record SabotageCode(MatchId matchId, ProblemId problemId, Language language, String referenceSource,
                           int editBudgetLines, String repairSource, PlayerId saboteurId) {
}
