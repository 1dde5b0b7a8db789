package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;
import java.util.List;

/**
 * {@code match:round}: Battle Royale round {@code round} started ({@code ended == false}: problem, end
 * time, survivors) or ended ({@code ended == true}: solvers in solving order, players eliminated).
 */
public record MatchRoundPayload(MatchId matchId, int round, boolean ended, ProblemId problemId, Instant startedAt,
                                Instant endsAt, List<PlayerId> players, List<PlayerId> eliminated, long version)
        implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.ROUND;
    }
}
