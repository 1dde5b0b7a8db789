package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** A player left before the start: off the roster, not ranked, not rated. */
public record PlayerLeft(MatchId matchId, PlayerId playerId, Instant leftAt) {
}
