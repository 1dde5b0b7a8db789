package dev.codearena.api.match;

import java.time.Instant;

/** A player joined before the start, with the ratings they start the match with. */
public record PlayerJoined(MatchId matchId, MatchPlayer player, Instant joinedAt) {
}
