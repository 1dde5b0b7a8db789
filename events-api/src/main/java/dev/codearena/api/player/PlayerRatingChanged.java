package dev.codearena.api.player;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import java.time.Instant;

/**
 * One entry of the player's rating history: the change one match made, in its mode and overall. The new
 * values are the previous current rating plus the match's delta (computed from the ratings at match start).
 *
 * @param gamesPlayed        rated games in {@code mode} including this one
 * @param overallGamesPlayed rated games in any mode including this one
 */
public record PlayerRatingChanged(
        PlayerId playerId,
        MatchId matchId,
        MatchMode mode,
        int before,
        int after,
        int overallBefore,
        int overallAfter,
        int gamesPlayed,
        int overallGamesPlayed,
        Instant changedAt) {
}
