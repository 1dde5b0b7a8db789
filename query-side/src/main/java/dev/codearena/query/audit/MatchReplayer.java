package dev.codearena.query.audit;

import dev.codearena.api.match.EliminationReason;
import dev.codearena.api.match.GolfBestImproved;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerEliminated;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.ProblemLocked;
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.match.RepairSucceeded;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.SabotageAccepted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.Standings;
import dev.codearena.api.match.TimeUp;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.query.ReplayPlayerState;
import dev.codearena.api.query.ReplayResult;
import dev.codearena.api.rating.EloRatings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The auditor's replay: a pure function from a match's event payloads (in sequence order) to its state
 * after the first {@code upTo} of them, and — once the replay reaches {@link MatchEnded} — the standings
 * and rating changes recomputed from the events before it, next to the recorded ones.
 *
 * <p>The standings follow the rules of product.md section 3 on the outcome events (locks, golf bests,
 * eliminations, forfeits, sabotages and repairs); the rating changes come from the shared pure
 * {@link EloRatings} over the ratings each player started with ({@link MatchCreated}) and the recomputed
 * places. Nothing here reads a clock, a database or the command side.
 */
public final class MatchReplayer {

    private MatchId matchId;
    private MatchMode mode;
    private MatchSettings settings;
    private MatchPhase phase = MatchPhase.SCHEDULED;
    private int round;
    private final Map<PlayerId, Contestant> contestants = new LinkedHashMap<>();
    private final Set<PlayerId> repairAssigned = new HashSet<>();
    private List<Standing> recomputedStandings;
    private List<RatingChange> recomputedRatings;
    private MatchEnded recorded;

    private MatchReplayer() {
    }

    /**
     * @param events payloads of the match's events in sequence order (other types are ignored)
     * @param upTo   how many events to apply (clamped to the list)
     */
    public static ReplayResult replay(MatchId matchId, List<?> events, int upTo) {
        MatchReplayer replayer = new MatchReplayer();
        replayer.matchId = matchId;
        int applied = Math.max(0, Math.min(upTo, events.size()));
        for (int i = 0; i < applied; i++) {
            replayer.apply(events.get(i));
        }
        return replayer.result(applied, events.size());
    }

    private void apply(Object event) {
        if (event instanceof MatchCreated e) {
            mode = e.mode();
            settings = e.settings();
            e.players().forEach(p -> contestants.put(p.playerId(), new Contestant(p)));
        } else if (event instanceof PlayerJoined e) {
            // the roster decides who is ranked: it changes before the start as players join and leave
            contestants.put(e.player().playerId(), new Contestant(e.player()));
        } else if (event instanceof PlayerLeft e) {
            contestants.remove(e.playerId());
        } else if (event instanceof MatchStarted e) {
            phase = e.phase();
            round = 1;
        } else if (event instanceof RoundStarted e) {
            phase = MatchPhase.ROUND;
            round = e.round();
        } else if (event instanceof TimeUp) {
            phase = MatchPhase.CLOSING;
        } else if (event instanceof ProblemSolved e) {
            contestants.get(e.playerId()).solved.add(e.problemId());
        } else if (event instanceof ProblemLocked e) {
            Contestant c = contestants.get(e.playerId());
            c.points += e.points();
            c.locked.add(e.problemId());
            if (c.lastLockAt == null || e.lockedAt().isAfter(c.lastLockAt)) {
                c.lastLockAt = e.lockedAt();
            }
        } else if (event instanceof GolfBestImproved e) {
            Contestant c = contestants.get(e.playerId());
            c.golfBytes = e.bytes();
            c.golfReachedAt = e.reachedAt();
        } else if (event instanceof PlayerEliminated e) {
            Contestant c = contestants.get(e.playerId());
            c.eliminated = true;
            c.eliminatedInRound = e.round();
            c.eliminatedAt = e.eliminatedAt();
            c.eliminationReason = e.reason();
        } else if (event instanceof PlayerForfeited e) {
            contestants.get(e.playerId()).forfeited = true;
        } else if (event instanceof SabotageAccepted e) {
            contestants.get(e.playerId()).sabotageAccepted = true;
        } else if (event instanceof RepairPhaseStarted e) {
            phase = MatchPhase.REPAIR;
            round = 2;
            e.assignments().forEach(a -> repairAssigned.add(a.playerId()));
        } else if (event instanceof RepairSucceeded e) {
            contestants.get(e.playerId()).repairPoints = e.points();
        } else if (event instanceof MatchEnded e) {
            recomputedStandings = standings();
            Map<PlayerId, Integer> places = new HashMap<>();
            recomputedStandings.forEach(s -> places.put(s.playerId(), s.place()));
            recomputedRatings = EloRatings.compute(mode, contestants.values().stream().map(c -> c.player).toList(), places);
            recorded = e;
            phase = MatchPhase.ENDED;
        } else if (event instanceof MatchCancelled) {
            phase = MatchPhase.CANCELLED;
        }
    }

    private ReplayResult result(int applied, int total) {
        Map<PlayerId, Integer> scoresIfEndedNow = new HashMap<>();
        if (mode != null) {
            standings().forEach(s -> scoresIfEndedNow.put(s.playerId(), s.score()));
        }
        List<ReplayPlayerState> players = contestants.values().stream().map(c -> new ReplayPlayerState(c.player.playerId(),
                liveScore(c, scoresIfEndedNow), List.copyOf(c.solved), List.copyOf(c.locked), c.golfBytes, c.golfReachedAt, c.eliminated,
                c.eliminatedInRound, c.forfeited, c.repairPoints, c.sabotageAccepted)).toList();
        Boolean agrees = null;
        List<String> differences = List.of();
        if (recorded != null) {
            differences = differences();
            agrees = differences.isEmpty();
        }
        return new ReplayResult(matchId, mode, applied, total, phase, round, players, recomputedStandings, recomputedRatings,
                recorded == null ? null : recorded.standings(), recorded == null ? null : recorded.ratingChanges(),
                agrees, differences);
    }

    private List<String> differences() {
        List<String> out = new ArrayList<>();
        Map<PlayerId, Standing> recordedStandings = new HashMap<>();
        recorded.standings().forEach(s -> recordedStandings.put(s.playerId(), s));
        if (recorded.standings().size() != recomputedStandings.size()) {
            out.add("recorded " + recorded.standings().size() + " standings, recomputed " + recomputedStandings.size());
        }
        for (Standing mine : recomputedStandings) {
            Standing theirs = recordedStandings.get(mine.playerId());
            if (!mine.equals(theirs)) {
                out.add("standing of " + mine.playerId() + ": recorded " + theirs + ", recomputed " + mine);
            }
        }
        Map<PlayerId, RatingChange> recordedRatings = new HashMap<>();
        recorded.ratingChanges().forEach(r -> recordedRatings.put(r.playerId(), r));
        if (recorded.ratingChanges().size() != recomputedRatings.size()) {
            out.add("recorded " + recorded.ratingChanges().size() + " rating changes, recomputed " + recomputedRatings.size());
        }
        for (RatingChange mine : recomputedRatings) {
            RatingChange theirs = recordedRatings.get(mine.playerId());
            if (!mine.equals(theirs)) {
                out.add("rating change of " + mine.playerId() + ": recorded " + theirs + ", recomputed " + mine);
            }
        }
        return out;
    }

    /** Final places by the shared rule ({@link Standings}), the one the command side recorded them with. */
    private List<Standing> standings() {
        List<Standings.Outcome> outcomes = contestants.values().stream().map(c -> new Standings.Outcome(c.player.playerId(),
                c.forfeited, c.points, c.lastLockAt, c.golfBytes, c.golfReachedAt, c.eliminatedInRound,
                c.eliminationReason, c.eliminatedAt, c.sabotageAccepted, repairAssigned.contains(c.player.playerId()),
                c.repairPoints)).toList();
        return Standings.rank(mode, settings, round, outcomes);
    }

    /** The score a player would have if the match ended now (Battle Royale survivors: rounds completed so far). */
    private int liveScore(Contestant c, Map<PlayerId, Integer> scoresIfEndedNow) {
        if (mode == MatchMode.BATTLE_ROYALE && !c.eliminated && !c.forfeited) {
            return Math.max(0, round - 1);
        }
        return scoresIfEndedNow.getOrDefault(c.player.playerId(), 0);
    }

    private static final class Contestant {
        final MatchPlayer player;
        final Set<ProblemId> solved = new java.util.LinkedHashSet<>();
        final Set<ProblemId> locked = new java.util.LinkedHashSet<>();
        boolean forfeited;
        boolean eliminated;
        int eliminatedInRound;
        EliminationReason eliminationReason;
        Instant eliminatedAt;
        int points;
        Instant lastLockAt;
        int golfBytes = -1;
        Instant golfReachedAt;
        boolean sabotageAccepted;
        int repairPoints;

        Contestant(MatchPlayer player) {
            this.player = Objects.requireNonNull(player);
        }
    }
}
