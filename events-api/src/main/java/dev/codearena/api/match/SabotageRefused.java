package dev.codearena.api.match;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * A sabotage was refused (edit budget, no change, does not compile, passes all tests, judge error); the player may retry.
 */
public record SabotageRefused(MatchId matchId, SubmissionId submissionId, PlayerId playerId, ErrorCode reason, String detail, Instant refusedAt) {
}
