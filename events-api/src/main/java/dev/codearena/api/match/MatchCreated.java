package dev.codearena.api.match;

import java.time.Instant;
import java.util.List;

/**
 * A match exists; it starts at {@code startsAt} (a persistent deadline).
 */
public record MatchCreated(
        MatchId matchId,
        MatchMode mode,
        MatchSettings settings,
        List<MatchPlayer> players,
        List<MatchProblem> problems,
        Instant createdAt,
        Instant startsAt) {
}
