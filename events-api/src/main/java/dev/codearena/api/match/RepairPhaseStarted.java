package dev.codearena.api.match;

import java.time.Instant;
import java.util.List;

/**
 * Sabotage phase 2 began: each player gets the opponent's sabotaged code. A player whose own sabotage was
 * never accepted hands over the unmodified reference.
 */
public record RepairPhaseStarted(MatchId matchId, List<RepairAssignment> assignments, Instant startedAt, Instant endsAt) {
}
