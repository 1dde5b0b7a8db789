package dev.codearena.api.match;

import java.time.Instant;

/**
 * Every rating change of the match is recorded on its players.
 */
public record MatchFinalised(MatchId matchId, Instant finalisedAt) {
}
