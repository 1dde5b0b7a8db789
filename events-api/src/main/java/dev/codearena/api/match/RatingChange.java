package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;

/**
 * The rating change of one player caused by one match, in the match's mode and overall.
 * Rating changes of a match sum to zero per rating kind (see docs/ratings.md).
 */
public record RatingChange(
        PlayerId playerId,
        MatchMode mode,
        int before,
        int after,
        int overallBefore,
        int overallAfter,
        boolean provisional) {

    public int delta() {
        return after - before;
    }

    public int overallDelta() {
        return overallAfter - overallBefore;
    }
}
