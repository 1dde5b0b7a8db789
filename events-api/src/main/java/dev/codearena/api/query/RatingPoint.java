package dev.codearena.api.query;

import dev.codearena.api.match.MatchId;
import java.time.Instant;

/** One point of a rating chart: the change one match made on one board. */
public record RatingPoint(MatchId matchId, int before, int after, int games, Instant at) {
}
