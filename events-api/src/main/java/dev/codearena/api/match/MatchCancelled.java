package dev.codearena.api.match;

import java.time.Instant;

/**
 * The match was called off before producing a result; unrated.
 */
public record MatchCancelled(MatchId matchId, String reason, Instant cancelledAt) {
}
