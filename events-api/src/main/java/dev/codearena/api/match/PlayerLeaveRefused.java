package dev.codearena.api.match;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** A leave was refused: the match has started (forfeit instead) or ended, or the player already forfeited. */
public record PlayerLeaveRefused(MatchId matchId, PlayerId playerId, ErrorCode reason, String detail, Instant refusedAt) {
}
