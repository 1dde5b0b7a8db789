package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * Sabotage phase 2: the player's first Accepted repair.
 *
 * @param points base points plus the time bonus
 */
public record RepairSucceeded(MatchId matchId, PlayerId playerId, PlayerId saboteurId, SubmissionId submissionId, int points, long timeLeftMs, Instant repairedAt) {
}
