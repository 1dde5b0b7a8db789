package dev.codearena.api.query;

import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;
import java.util.List;

/**
 * One player's state as recomputed by an auditor replay at some point of the match.
 *
 * @param score Blitz points, Golf best bytes (-1 none), Battle Royale rounds survived, Sabotage points
 */
public record ReplayPlayerState(PlayerId playerId, int score, List<ProblemId> solved, List<ProblemId> locked,
                                int golfBestBytes, Instant golfReachedAt, boolean eliminated, int eliminatedRound,
                                boolean forfeited, int repairPoints, boolean sabotageAccepted) {
}
