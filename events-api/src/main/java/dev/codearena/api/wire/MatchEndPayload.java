package dev.codearena.api.wire;

import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.Standing;
import java.time.Instant;
import java.util.List;

/**
 * {@code match:end}: final standings and rating changes ({@code reason == null} and empty lists when the
 * match was cancelled). Code becomes visible through the match-detail API from now on.
 */
public record MatchEndPayload(MatchId matchId, EndReason reason, boolean cancelled, List<Standing> standings,
                              List<RatingChange> ratingChanges, Instant endedAt, long version) implements LivePayload {
    @Override
    public String messageType() {
        return LiveMessageType.END;
    }
}
