package dev.codearena.api.match;

import dev.codearena.api.judge.Verdict;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * The sabotage compiles and fails at least one hidden test: it is what the opponent will repair.
 */
public record SabotageAccepted(MatchId matchId, SubmissionId submissionId, PlayerId playerId, int changedLines, Verdict failingVerdict, Instant acceptedAt) {
}
