package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * Sabotage phase 1: a sabotage within the edit budget goes to the judge for validation.
 */
public record SabotageSubmitted(MatchId matchId, SubmissionId submissionId, PlayerId playerId, int changedLines, Instant receivedAt) {
}
