package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * Battle Royale: a player is out. Players eliminated in the same round (same {@code round}, same reason batch) tie.
 */
public record PlayerEliminated(MatchId matchId, PlayerId playerId, int round, EliminationReason reason, Instant eliminatedAt) {
}
