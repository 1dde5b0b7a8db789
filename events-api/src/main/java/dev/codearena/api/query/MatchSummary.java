package dev.codearena.api.query;

import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import java.time.Instant;

/**
 * A match in a list (live matches, a player's history). In a player's history {@code place},
 * {@code score} and {@code ratingDelta} are that player's (null until the match ended).
 */
public record MatchSummary(MatchId matchId, MatchMode mode, MatchPhase phase, int playerCount, Instant createdAt,
                           Instant startedAt, Instant periodEndsAt, Instant endedAt, EndReason endReason,
                           Integer place, Integer score, Integer ratingDelta) {
}
