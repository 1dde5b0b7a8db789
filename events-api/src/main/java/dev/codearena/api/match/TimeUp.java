package dev.codearena.api.match;

import java.time.Instant;

/**
 * The current round, phase or match ran out of time; submissions made in time are still being judged
 * (until {@code graceEndsAt} at the latest). No new submissions are taken.
 */
public record TimeUp(MatchId matchId, MatchPhase phase, int period, Instant at, Instant graceEndsAt) {
}
