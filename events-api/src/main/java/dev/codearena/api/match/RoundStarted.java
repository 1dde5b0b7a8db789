package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;
import java.util.List;

/**
 * Battle Royale: a round began with one problem and a deadline.
 */
public record RoundStarted(MatchId matchId, int round, ProblemId problemId, Instant startedAt, Instant endsAt, List<PlayerId> survivors) {
}
