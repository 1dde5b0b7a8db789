package dev.codearena.query.live;

import dev.codearena.api.judge.Verdict;
import dev.codearena.api.live.LiveMatchView;
import dev.codearena.api.live.LivePlayer;
import dev.codearena.api.live.LiveProblem;
import dev.codearena.api.live.LiveProblemStatus;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The mutable working copy of a {@link LiveMatchView} while a batch of events is applied to it. */
final class LiveViewState {

    MatchId matchId;
    MatchMode mode;
    MatchPhase phase;
    int round;
    ProblemId roundProblem;
    Instant createdAt;
    Instant startsAt;
    Instant startedAt;
    Instant periodStartedAt;
    Instant periodEndsAt;
    Instant endedAt;
    EndReason endReason;
    long version = -1;
    final Map<PlayerId, Player> players = new LinkedHashMap<>();
    final Map<ProblemId, Problem> problems = new LinkedHashMap<>();

    static final class Player {
        PlayerId playerId;
        String handle;
        int rating;
        int score;
        int golfBestBytes = -1;
        Instant golfReachedAt;
        boolean eliminated;
        int eliminatedRound;
        boolean forfeited;
        boolean sabotageAccepted;
        boolean repaired;
        int place;
        int ratingDelta;
        final Map<ProblemId, Status> problems = new LinkedHashMap<>();

        Status status(ProblemId problem) {
            return problems.computeIfAbsent(problem, p -> new Status());
        }
    }

    static final class Status {
        int attempts;
        int pending;
        Verdict lastVerdict;
        boolean solved;
    }

    static final class Problem {
        ProblemId problemId;
        String title;
        int difficulty;
        int points;
        PlayerId lockedBy;
        Instant lockedAt;
    }

    boolean isOver() {
        return phase == MatchPhase.ENDED || phase == MatchPhase.CANCELLED;
    }

    LiveMatchView toView() {
        return new LiveMatchView(matchId, mode, phase, round, roundProblem, createdAt, startsAt, startedAt, periodStartedAt,
                periodEndsAt, endedAt, endReason,
                players.values().stream().map(p -> new LivePlayer(p.playerId, p.handle, p.rating, p.score, p.golfBestBytes,
                        p.golfReachedAt, p.eliminated, p.eliminatedRound, p.forfeited, p.sabotageAccepted, p.repaired,
                        p.place, p.ratingDelta, p.problems.entrySet().stream()
                        .map(e -> new LiveProblemStatus(e.getKey(), e.getValue().attempts, e.getValue().pending,
                                e.getValue().lastVerdict, e.getValue().solved)).toList())).toList(),
                problems.values().stream().map(p -> new LiveProblem(p.problemId, p.title, p.difficulty, p.points, p.lockedBy,
                        p.lockedAt)).toList(),
                0, version);
    }

    static LiveViewState of(LiveMatchView view) {
        LiveViewState s = new LiveViewState();
        s.matchId = view.matchId();
        s.mode = view.mode();
        s.phase = view.phase();
        s.round = view.round();
        s.roundProblem = view.roundProblem();
        s.createdAt = view.createdAt();
        s.startsAt = view.startsAt();
        s.startedAt = view.startedAt();
        s.periodStartedAt = view.periodStartedAt();
        s.periodEndsAt = view.periodEndsAt();
        s.endedAt = view.endedAt();
        s.endReason = view.endReason();
        s.version = view.version();
        for (LivePlayer lp : view.players()) {
            Player p = new Player();
            p.playerId = lp.playerId();
            p.handle = lp.handle();
            p.rating = lp.rating();
            p.score = lp.score();
            p.golfBestBytes = lp.golfBestBytes();
            p.golfReachedAt = lp.golfReachedAt();
            p.eliminated = lp.eliminated();
            p.eliminatedRound = lp.eliminatedRound();
            p.forfeited = lp.forfeited();
            p.sabotageAccepted = lp.sabotageAccepted();
            p.repaired = lp.repaired();
            p.place = lp.place();
            p.ratingDelta = lp.ratingDelta();
            for (LiveProblemStatus ps : lp.problems()) {
                Status st = p.status(ps.problemId());
                st.attempts = ps.attempts();
                st.pending = ps.pending();
                st.lastVerdict = ps.lastVerdict();
                st.solved = ps.solved();
            }
            s.players.put(p.playerId, p);
        }
        for (LiveProblem lp : view.problems()) {
            Problem p = new Problem();
            p.problemId = lp.problemId();
            p.title = lp.title();
            p.difficulty = lp.difficulty();
            p.points = lp.points();
            p.lockedBy = lp.lockedBy();
            p.lockedAt = lp.lockedAt();
            s.problems.put(p.problemId, p);
        }
        return s;
    }
}
