package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;

/** {@code match:lockout}: Blitz problem locked for {@code playerId}, who scores {@code points}. */
public record MatchLockoutPayload(MatchId matchId, ProblemId problemId, PlayerId playerId, int points, Instant lockedAt,
                                  long version) implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.LOCKOUT;
    }
}
