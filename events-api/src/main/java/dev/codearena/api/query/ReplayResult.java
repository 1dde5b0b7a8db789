package dev.codearena.api.query;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.Standing;
import java.util.List;

/**
 * An auditor replay of a match from its events alone, up to {@code eventsApplied} of {@code totalEvents}.
 * {@code players} is the state at that point. Once the replay has passed the match's end,
 * {@code recomputed*} are the standings and rating changes derived from the events before the end, and
 * {@code recorded*} are the ones in the stored {@code MatchEnded}; {@code agrees} says whether they are
 * equal and {@code differences} lists what differs. Before the end (or for a cancelled match),
 * {@code agrees} is null.
 */
public record ReplayResult(MatchId matchId, MatchMode mode, int eventsApplied, int totalEvents, MatchPhase phase, int round,
                           List<ReplayPlayerState> players, List<Standing> recomputedStandings,
                           List<RatingChange> recomputedRatingChanges, List<Standing> recordedStandings,
                           List<RatingChange> recordedRatingChanges, Boolean agrees, List<String> differences) {
}
