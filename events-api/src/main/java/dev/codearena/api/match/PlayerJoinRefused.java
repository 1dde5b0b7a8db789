package dev.codearena.api.match;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** A join was refused: the match has started or ended, is full, or the player is already on it. */
public record PlayerJoinRefused(MatchId matchId, PlayerId playerId, ErrorCode reason, String detail, Instant refusedAt) {
}
