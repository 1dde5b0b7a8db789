package dev.codearena.api.match;

import java.time.Instant;

/**
 * The match began. {@code endsAt} is when the first timed period ends (Blitz/Golf: the match;
 * Battle Royale: round 1; Sabotage: phase 1). Clients derive {@code match:tick} from these server times.
 */
public record MatchStarted(MatchId matchId, MatchPhase phase, Instant startedAt, Instant endsAt) {
}
