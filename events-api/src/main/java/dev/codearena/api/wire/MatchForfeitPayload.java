package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** {@code match:forfeit}: a player gave up. */
public record MatchForfeitPayload(MatchId matchId, PlayerId playerId, Instant forfeitedAt, long version)
        implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.FORFEIT;
    }
}
