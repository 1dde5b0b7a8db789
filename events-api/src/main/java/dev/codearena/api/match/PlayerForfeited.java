package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * A player gave up; they rank last (Battle Royale: eliminated at once).
 */
public record PlayerForfeited(MatchId matchId, PlayerId playerId, Instant forfeitedAt) {
}
