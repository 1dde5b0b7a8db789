package dev.codearena.api.wire;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * {@code match:sabotage}: Sabotage phase 1 — a player's sabotage went to the judge for validation
 * ({@code SUBMITTED}) or was refused ({@code REFUSED}, with the reason: over the edit budget, no change,
 * does not compile, passes all tests, judge error). An accepted sabotage arrives as a {@code match:state}
 * with the player's {@code sabotageAccepted} set. No code and no compiler output: the opponent sees it too.
 */
public record MatchSabotagePayload(MatchId matchId, SubmissionId submissionId, PlayerId playerId, Status status,
                                   int changedLines, ErrorCode reason, Instant at, long version) implements LivePayload {

    /** Where the sabotage is. */
    public enum Status {
        SUBMITTED, REFUSED
    }

    @Override
    public String messageType() {
        return LiveMessageType.SABOTAGE;
    }
}
