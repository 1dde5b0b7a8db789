package dev.codearena.api.query;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** A player of a match: rating at the start; standing and rating change once the match ended (else null). */
public record MatchPlayerResult(PlayerId playerId, String handle, int seat, int ratingAtStart, boolean forfeited,
                                Integer eliminatedRound, Integer place, Integer score, Instant decisiveAt,
                                Integer ratingBefore, Integer ratingAfter, Integer overallBefore, Integer overallAfter) {
}
