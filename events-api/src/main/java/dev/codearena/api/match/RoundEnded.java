package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;
import java.util.List;

/**
 * Battle Royale: a round is over. {@code solvers} in order of solving time; {@code eliminated} this round.
 */
public record RoundEnded(MatchId matchId, int round, List<PlayerId> solvers, List<PlayerId> eliminated, Instant endedAt) {
}
