package dev.codearena.api.live;

import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;
import java.util.List;

/**
 * What a spectator (or a player re-joining) sees of a live match: the payload of {@code match:state}.
 * Never contains source code. Times are the server's: time left in the current period is
 * {@code periodEndsAt - now} on the server clock (the gateway's {@code match:tick} carries it).
 *
 * @param version      sequence number of the last match event applied; messages on the channel carry
 *                     the same number, so a client that read the view can drop older messages
 * @param phase        SCHEDULED (countdown until {@code startsAt}), RUNNING, ROUND, SABOTAGE, REPAIR,
 *                     CLOSING (time up, last verdicts pending), ENDED, CANCELLED
 * @param round        Battle Royale round (1-based), Sabotage phase number, otherwise 1 once started
 * @param periodEndsAt end of the current timed period (match, round or phase); null when none runs
 * @param spectators   spectators watching now (the gateway's counter, filled in when the view is served)
 */
public record LiveMatchView(
        MatchId matchId,
        MatchMode mode,
        MatchPhase phase,
        int round,
        ProblemId roundProblem,
        Instant createdAt,
        Instant startsAt,
        Instant startedAt,
        Instant periodStartedAt,
        Instant periodEndsAt,
        Instant endedAt,
        EndReason endReason,
        List<LivePlayer> players,
        List<LiveProblem> problems,
        long spectators,
        long version) implements dev.codearena.api.wire.LivePayload {

    public LiveMatchView {
        players = players == null ? List.of() : List.copyOf(players);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    @Override
    public String messageType() {
        return dev.codearena.api.wire.LiveMessageType.STATE;
    }

    public LiveMatchView withSpectators(long count) {
        return new LiveMatchView(matchId, mode, phase, round, roundProblem, createdAt, startsAt, startedAt,
                periodStartedAt, periodEndsAt, endedAt, endReason, players, problems, count, version);
    }
}
