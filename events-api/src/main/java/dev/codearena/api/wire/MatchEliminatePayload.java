package dev.codearena.api.wire;

import dev.codearena.api.match.EliminationReason;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** {@code match:eliminate}: Battle Royale player out in {@code round}. */
public record MatchEliminatePayload(MatchId matchId, PlayerId playerId, int round, EliminationReason reason,
                                    Instant eliminatedAt, long version) implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.ELIMINATE;
    }
}
