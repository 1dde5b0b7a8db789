package dev.codearena.api.query;

import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import java.time.Instant;
import java.util.List;

/**
 * Everything about one match. {@code codeVisible} tells whether submissions carry their source (only
 * once the match has ended or was cancelled).
 */
public record MatchDetail(MatchId matchId, MatchMode mode, MatchPhase phase, int round, Instant createdAt, Instant startsAt,
                          Instant startedAt, Instant periodEndsAt, Instant endedAt, EndReason endReason,
                          String cancelledReason, boolean finalised, boolean codeVisible, List<MatchPlayerResult> players,
                          List<MatchProblemView> problems, List<SubmissionView> submissions) {
}
