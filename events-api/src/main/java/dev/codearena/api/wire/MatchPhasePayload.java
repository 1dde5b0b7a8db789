package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchPhase;
import java.time.Instant;

/**
 * {@code match:phase}: the match entered {@code phase}. For timed phases {@code periodEndsAt} is the
 * server time the period ends (time left = periodEndsAt - server now); for CLOSING it is when the
 * grace period for pending verdicts ends.
 */
public record MatchPhasePayload(MatchId matchId, MatchPhase phase, int round, Instant periodStartedAt,
                                Instant periodEndsAt, long version) implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.PHASE;
    }
}
