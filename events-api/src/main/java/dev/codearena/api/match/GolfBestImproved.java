package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * Golf: a player's shortest Accepted length got shorter (visible to everyone, the code is not).
 */
public record GolfBestImproved(MatchId matchId, PlayerId playerId, SubmissionId submissionId, int bytes, Instant reachedAt) {
}
