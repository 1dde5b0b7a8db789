package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** {@code match:golf}: a player's shortest Accepted length (bytes) improved; the code stays hidden. */
public record MatchGolfPayload(MatchId matchId, PlayerId playerId, int bytes, Instant reachedAt, long version)
        implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.GOLF;
    }
}
