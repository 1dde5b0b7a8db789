package dev.codearena.api.match;

import java.time.Instant;
import java.util.List;

/**
 * The match is over: final standings and every player's rating change in one event, so the result and
 * the rating changes can never be recorded apart. The finalisation saga copies the changes onto the Players.
 */
public record MatchEnded(
        MatchId matchId,
        MatchMode mode,
        EndReason reason,
        List<Standing> standings,
        List<RatingChange> ratingChanges,
        Instant endedAt) {
}
