package dev.codearena.query.testing;

import dev.codearena.api.clan.ClanCreated;
import dev.codearena.api.clan.ClanId;
import dev.codearena.api.clan.ClanRole;
import dev.codearena.api.clan.ClanRoleChanged;
import dev.codearena.api.clan.PlayerJoinedClan;
import dev.codearena.api.clan.PlayerLeftClan;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EliminationReason;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.GolfBestImproved;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchFinalised;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerEliminated;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.ProblemLocked;
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.match.RepairAssignment;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.match.RepairSucceeded;
import dev.codearena.api.match.RoundEnded;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.SabotageAccepted;
import dev.codearena.api.match.SabotageSubmitted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.match.TimeUp;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.api.player.Ratings;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.problem.ProblemVersionPublished;
import dev.codearena.api.rating.EloRatings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A deterministic, realistic event history of an arena: players, clans, problems and matches of every
 * mode played to the end by the rules of product.md (plus a few live, forfeited and cancelled ones),
 * with the domain events the command side records, in order, per aggregate with sequence numbers.
 *
 * <p>Each finished match's standings are decided by a small script of its own here (who locks what,
 * who golfs shortest, who survives which round, who repairs), not by the query side's replayer, so an
 * auditor replay agreeing with them means something. Rating changes use the shared {@link EloRatings}.
 */
public final class ArenaHistory {

    /** One stored domain event. */
    public record StoredEvent(String aggregateType, String aggregateId, long sequence, Object payload, Instant timestamp) {
    }

    private final Random random;
    private final List<StoredEvent> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<PlayerId> players = new ArrayList<>();
    private final Map<PlayerId, String> handles = new HashMap<>();
    private final Map<String, int[]> ratings = new HashMap<>(); // key player|board -> {rating, games}
    private final List<MatchProblem> problems = new ArrayList<>();
    private final List<MatchId> finishedMatches = new ArrayList<>();
    private final List<MatchId> liveMatches = new ArrayList<>();
    private Instant clock;
    private int submissionCounter;

    private ArenaHistory(long seed, Instant start) {
        this.random = new Random(seed);
        this.clock = start;
    }

    /**
     * @param matches finished (or cancelled) matches; {@code live} more are left running at the end
     */
    public static ArenaHistory generate(long seed, String prefix, int playerCount, int clanCount, int matches, int live) {
        return generate(seed, prefix, playerCount, clanCount, matches, live, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** As {@link #generate(long, String, int, int, int, int)}, with the first event at {@code start}. */
    public static ArenaHistory generate(long seed, String prefix, int playerCount, int clanCount, int matches, int live,
                                        Instant start) {
        ArenaHistory h = new ArenaHistory(seed, start);
        h.problems(prefix, 12);
        h.players(prefix, playerCount);
        h.clans(prefix, clanCount);
        MatchMode[] modes = MatchMode.values();
        for (int i = 0; i < matches; i++) {
            MatchId id = MatchId.of(prefix + "-m" + i);
            MatchMode mode = modes[i % modes.length];
            if (i % 23 == 7) {
                h.cancelled(id, mode);
            } else {
                h.finished(id, mode, i % 17 == 5, i % 7 == 2);
            }
        }
        for (int i = 0; i < live; i++) {
            h.live(MatchId.of(prefix + "-live" + i), modes[i % modes.length], i == 1);
        }
        return h;
    }

    public List<StoredEvent> events() {
        return events;
    }

    public List<MatchId> finishedMatches() {
        return finishedMatches;
    }

    public List<MatchId> liveMatches() {
        return liveMatches;
    }

    public List<PlayerId> players() {
        return players;
    }

    public <T> List<T> payloads(Class<T> type) {
        return events.stream().map(StoredEvent::payload).filter(type::isInstance).map(type::cast).toList();
    }

    /** Current rating and rated games of a player on a board (OVERALL or a mode), or null if never rated there. */
    public int[] rating(PlayerId player, String board) {
        return ratings.get(player.value() + "|" + board);
    }

    // ------------------------------------------------------------------ catalogue, players, clans

    private void problems(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            ProblemId id = ProblemId.of(prefix + "-p" + i);
            CheckerSpec checker = checker();
            ProblemDefinition definition = new ProblemDefinition("Problem " + i, 1 + i % 5, List.of("math", "t" + i % 3),
                    1000, 256, checker, EnumSet.allOf(MatchMode.class), "# Problem " + i + "\nRead n, print n.",
                    id.value() + "/1/tests", 10, new ReferenceSolution(Language.PYTHON3, "print(int(input()))\n"));
            emit("Problem", id.value(), new ProblemVersionPublished(id, 1, "hash-" + i, definition, tick()));
            problems.add(new MatchProblem(id, 1, definition.title(), definition.difficulty(), 0,
                    new JudgeSpec(definition.testsDir(), checker, 1000, 256), definition.sabotageReference()));
        }
    }

    private static CheckerSpec checker() {
        return CheckerSpec.TOKENS;
    }

    private void players(String prefix, int count) {
        PlayerClass[] classes = PlayerClass.values();
        for (int i = 0; i < count; i++) {
            PlayerId id = PlayerId.of(prefix + "-u" + i);
            String handle = prefix + "_player_" + i;
            players.add(id);
            handles.put(id, handle);
            ratings.put(id.value() + "|OVERALL", new int[]{Ratings.INITIAL_RATING, 0});
            emit("Player", id.value(), new PlayerRegistered(id, handle, classes[i % classes.length], Ratings.INITIAL_RATING, tick()));
        }
    }

    private void clans(String prefix, int count) {
        int perClan = Math.max(2, Math.min(8, players.size() / Math.max(1, count)));
        for (int c = 0; c < count; c++) {
            ClanId clan = ClanId.of(prefix + "-c" + c);
            String id = clan.value();
            List<PlayerId> members = players.subList(c * perClan, Math.min(players.size(), (c + 1) * perClan));
            if (members.size() < 2) {
                break;
            }
            emit("Clan", id, new ClanCreated(clan, "Clan " + c, "C" + c, members.get(0), tick()));
            for (PlayerId member : members.subList(1, members.size())) {
                emit("Clan", id, new PlayerJoinedClan(clan, member, tick()));
            }
            emit("Clan", id, new ClanRoleChanged(clan, members.get(1), ClanRole.MEMBER, ClanRole.OFFICER, members.get(0), tick()));
            if (members.size() > 3 && c % 2 == 0) {
                emit("Clan", id, new PlayerLeftClan(clan, members.get(members.size() - 1), null, tick()));
            }
        }
    }

    // ------------------------------------------------------------------ matches

    private List<MatchPlayer> roster(MatchMode mode, int size) {
        List<PlayerId> pool = new ArrayList<>(players);
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, size).stream().map(p -> {
            int[] mine = ratings.getOrDefault(p.value() + "|" + mode.name(), new int[]{Ratings.INITIAL_RATING, 0});
            int[] overall = ratings.get(p.value() + "|OVERALL");
            return new MatchPlayer(p, handles.get(p), mine[0], mine[1], overall[0], overall[1]);
        }).toList();
    }

    private List<MatchProblem> pick(int count, List<Integer> points) {
        List<MatchProblem> pool = new ArrayList<>(problems);
        java.util.Collections.shuffle(pool, random);
        List<MatchProblem> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MatchProblem p = pool.get(i);
            picked.add(new MatchProblem(p.problemId(), p.version(), p.title(), p.difficulty(),
                    points.isEmpty() ? 0 : points.get(i), p.judge(), p.sabotageReference()));
        }
        return picked;
    }

    private static int size(MatchMode mode) {
        return switch (mode) {
            case BLITZ, SABOTAGE -> 2;
            case GOLF -> 3;
            case BATTLE_ROYALE -> 4;
        };
    }

    private MatchSettings settings(MatchMode mode) {
        MatchSettings s = MatchSettings.defaults(mode);
        return switch (mode) {
            case BLITZ -> s.withProblemPoints(List.of(100, 200, 300));
            case BATTLE_ROYALE -> s.withPlayers(2, 16).withRoundSeconds(List.of(300, 240, 180));
            default -> s;
        };
    }

    /**
     * @param rosterChanges before the start one more player joins, then the player in the second seat leaves
     *                      (the match is played by the roster that is left)
     */
    private Start start(MatchId id, MatchMode mode, boolean rosterChanges) {
        MatchSettings settings = settings(mode);
        int size = size(mode);
        List<MatchPlayer> roster = roster(mode, rosterChanges ? size + 1 : size);
        List<MatchProblem> picked = pick(settings.problemCount(mode), settings.problemPoints());
        Instant created = tick();
        emit("Match", id.value(), new MatchCreated(id, mode, settings, List.copyOf(roster.subList(0, size)), picked, created,
                created.plusSeconds(10)));
        if (rosterChanges) {
            emit("Match", id.value(), new PlayerJoined(id, roster.get(size), tick()));
            emit("Match", id.value(), new PlayerLeft(id, roster.get(1).playerId(), tick()));
            List<MatchPlayer> left = new ArrayList<>(roster);
            left.remove(1);
            roster = List.copyOf(left);
        }
        Instant started = tick();
        MatchPhase phase = switch (mode) {
            case BLITZ, GOLF -> MatchPhase.RUNNING;
            case BATTLE_ROYALE -> MatchPhase.ROUND;
            case SABOTAGE -> MatchPhase.SABOTAGE;
        };
        emit("Match", id.value(), new MatchStarted(id, phase, started, started.plusSeconds(600)));
        return new Start(id, mode, settings, roster, picked);
    }

    private record Start(MatchId id, MatchMode mode, MatchSettings settings, List<MatchPlayer> roster, List<MatchProblem> problems) {
    }

    private SubmissionId submit(Start m, PlayerId player, ProblemId problem, SubmissionKind kind, String source, Verdict verdict) {
        SubmissionId sid = SubmissionId.of(m.id.value() + "-s" + submissionCounter++);
        int bytes = source.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        Instant received = tick();
        emit("Match", m.id.value(), new SubmissionReceived(m.id, sid, player, problem, 1, kind, Language.PYTHON3, source, bytes,
                m.problems.get(0).judge(), received));
        emit("Match", m.id.value(), new SubmissionJudged(m.id, sid, player, problem, verdict, verdict == Verdict.AC ? 10 : 3, 10,
                verdict == Verdict.AC ? null : "wrong answer on test 4", bytes, tick()));
        lastReceived = received;
        return sid;
    }

    private Instant lastReceived;

    private void finished(MatchId id, MatchMode mode, boolean forfeit, boolean rosterChanges) {
        Start m = start(id, mode, rosterChanges);
        List<Standing> standings = switch (mode) {
            case BLITZ -> blitz(m, forfeit);
            case GOLF -> golf(m);
            case BATTLE_ROYALE -> royale(m);
            case SABOTAGE -> sabotage(m);
        };
        EndReason reason = forfeit && mode == MatchMode.BLITZ ? EndReason.FORFEIT
                : mode == MatchMode.BATTLE_ROYALE ? EndReason.LAST_PLAYER_STANDING : EndReason.TIME_UP;
        Map<PlayerId, Integer> places = standings.stream().collect(Collectors.toMap(Standing::playerId, Standing::place));
        List<RatingChange> changes = EloRatings.compute(mode, m.roster, places);
        Instant ended = tick();
        emit("Match", id.value(), new MatchEnded(id, mode, reason, standings, changes, ended));
        for (RatingChange change : changes) {
            int[] mine = ratings.computeIfAbsent(change.playerId().value() + "|" + mode.name(), k -> new int[]{Ratings.INITIAL_RATING, 0});
            int[] overall = ratings.get(change.playerId().value() + "|OVERALL");
            int before = mine[0];
            int overallBefore = overall[0];
            mine[0] = before + change.delta();
            mine[1]++;
            overall[0] = overallBefore + change.overallDelta();
            overall[1]++;
            emit("Player", change.playerId().value(), new PlayerRatingChanged(change.playerId(), id, mode, before, mine[0],
                    overallBefore, overall[0], mine[1], overall[1], tick()));
        }
        emit("Match", id.value(), new MatchFinalised(id, tick()));
        finishedMatches.add(id);
    }

    /** Blitz: every problem goes to a random player after some wrong answers; a locked problem refuses the loser. */
    private List<Standing> blitz(Start m, boolean forfeit) {
        Map<PlayerId, int[]> points = new LinkedHashMap<>();
        Map<PlayerId, Instant> lastLock = new HashMap<>();
        m.roster.forEach(p -> points.put(p.playerId(), new int[1]));
        PlayerId quitter = forfeit ? m.roster.get(1).playerId() : null;
        for (MatchProblem problem : m.problems) {
            PlayerId winner = m.roster.get(random.nextInt(m.roster.size())).playerId();
            if (winner.equals(quitter)) {
                winner = m.roster.get(0).playerId();
            }
            for (MatchPlayer p : m.roster) {
                if (!p.playerId().equals(winner) && random.nextBoolean()) {
                    submit(m, p.playerId(), problem.problemId(), SubmissionKind.SOLUTION, "print(0)\n", Verdict.WA);
                }
            }
            SubmissionId ac = submit(m, winner, problem.problemId(), SubmissionKind.SOLUTION, "print(int(input()))\n", Verdict.AC);
            Instant at = lastReceived;
            emit("Match", m.id.value(), new ProblemSolved(m.id, winner, problem.problemId(), ac, at));
            emit("Match", m.id.value(), new ProblemLocked(m.id, problem.problemId(), winner, ac, problem.points(), at));
            points.get(winner)[0] += problem.points();
            lastLock.put(winner, at);
            PlayerId loser = m.roster.stream().map(MatchPlayer::playerId).filter(p -> !p.equals(m.roster.get(0).playerId())).findFirst().orElseThrow();
            if (random.nextInt(4) == 0) {
                emit("Match", m.id.value(), new SubmissionRefused(m.id, SubmissionId.of(m.id.value() + "-r" + submissionCounter++),
                        loser, problem.problemId(), ErrorCode.PROBLEM_LOCKED, "locked by " + winner, tick()));
            }
        }
        if (quitter != null) {
            emit("Match", m.id.value(), new PlayerForfeited(m.id, quitter, tick()));
        } else {
            Instant at = tick();
            emit("Match", m.id.value(), new TimeUp(m.id, MatchPhase.RUNNING, 1, at, at.plusSeconds(30)));
        }
        Comparator<PlayerId> order = Comparator.<PlayerId, Boolean>comparing(p -> p.equals(quitter))
                .thenComparingInt(p -> -points.get(p)[0])
                .thenComparing(p -> lastLock.get(p), Comparator.nullsLast(Comparator.naturalOrder()));
        return place(new ArrayList<>(points.keySet()), order, p -> points.get(p)[0], lastLock::get, p -> p.equals(quitter));
    }

    /** Golf: each player improves a few times (or never gets an AC); shortest wins, earlier breaks ties. */
    private List<Standing> golf(Start m) {
        ProblemId problem = m.problems.get(0).problemId();
        Map<PlayerId, Integer> best = new LinkedHashMap<>();
        Map<PlayerId, Instant> reached = new HashMap<>();
        for (MatchPlayer p : m.roster) {
            best.put(p.playerId(), -1);
        }
        for (int round = 0; round < 3; round++) {
            for (MatchPlayer p : m.roster) {
                if (p == m.roster.get(2) && random.nextBoolean()) {
                    submit(m, p.playerId(), problem, SubmissionKind.SOLUTION, "print(1)", Verdict.WA);
                    continue;
                }
                int length = 20 + random.nextInt(30);
                String source = "x".repeat(length);
                SubmissionId sid = submit(m, p.playerId(), problem, SubmissionKind.SOLUTION, source, Verdict.AC);
                Instant at = lastReceived;
                if (best.get(p.playerId()) < 0) {
                    emit("Match", m.id.value(), new ProblemSolved(m.id, p.playerId(), problem, sid, at));
                }
                if (best.get(p.playerId()) < 0 || length < best.get(p.playerId())) {
                    best.put(p.playerId(), length);
                    reached.put(p.playerId(), at);
                    emit("Match", m.id.value(), new GolfBestImproved(m.id, p.playerId(), sid, length, at));
                }
            }
        }
        Instant at = tick();
        emit("Match", m.id.value(), new TimeUp(m.id, MatchPhase.RUNNING, 1, at, at.plusSeconds(30)));
        Comparator<PlayerId> order = Comparator.<PlayerId>comparingInt(p -> best.get(p) < 0 ? Integer.MAX_VALUE : best.get(p))
                .thenComparing(reached::get, Comparator.nullsLast(Comparator.naturalOrder()));
        return place(new ArrayList<>(best.keySet()), order, best::get, reached::get, p -> false);
    }

    /** Battle Royale with 4 players and 3 rounds: one player out per round, the last one standing wins. */
    private List<Standing> royale(Start m) {
        List<PlayerId> alive = new ArrayList<>(m.roster.stream().map(MatchPlayer::playerId).toList());
        java.util.Collections.shuffle(alive, random);
        Map<PlayerId, Integer> outInRound = new HashMap<>();
        Map<PlayerId, Instant> outAt = new HashMap<>();
        for (int round = 1; round <= 3; round++) {
            ProblemId problem = m.problems.get(round - 1).problemId();
            Instant started = tick();
            emit("Match", m.id.value(), new RoundStarted(m.id, round, problem, started, started.plusSeconds(300), List.copyOf(alive)));
            PlayerId loser = alive.get(alive.size() - 1);
            List<PlayerId> solvers = new ArrayList<>();
            for (PlayerId p : alive) {
                if (p.equals(loser)) {
                    submit(m, p, problem, SubmissionKind.SOLUTION, "print(2)", Verdict.WA);
                } else {
                    SubmissionId sid = submit(m, p, problem, SubmissionKind.SOLUTION, "print(int(input()))", Verdict.AC);
                    emit("Match", m.id.value(), new ProblemSolved(m.id, p, problem, sid, lastReceived));
                    solvers.add(p);
                }
            }
            Instant at = tick();
            emit("Match", m.id.value(), new PlayerEliminated(m.id, loser, round, EliminationReason.NOT_SOLVED, at));
            emit("Match", m.id.value(), new RoundEnded(m.id, round, solvers, List.of(loser), at));
            outInRound.put(loser, round);
            outAt.put(loser, at);
            alive.remove(loser);
        }
        Comparator<PlayerId> order = Comparator.comparingInt(p -> -outInRound.getOrDefault(p, 99));
        List<PlayerId> all = m.roster.stream().map(MatchPlayer::playerId).toList();
        return place(all, order, p -> outInRound.containsKey(p) ? outInRound.get(p) - 1 : 3, outAt::get, p -> false);
    }

    /** Sabotage: both sabotages accepted; the first player repairs, the second does not. */
    private List<Standing> sabotage(Start m) {
        ProblemId problem = m.problems.get(0).problemId();
        PlayerId a = m.roster.get(0).playerId();
        PlayerId b = m.roster.get(1).playerId();
        for (PlayerId p : List.of(a, b)) {
            SubmissionId sid = SubmissionId.of(m.id.value() + "-s" + submissionCounter++);
            Instant at = tick();
            emit("Match", m.id.value(), new SabotageSubmitted(m.id, sid, p, 1, at));
            emit("Match", m.id.value(), new SubmissionReceived(m.id, sid, p, problem, 1, SubmissionKind.SABOTAGE_VALIDATION,
                    Language.PYTHON3, "print(int(input())+1)\n", 22, m.problems.get(0).judge(), at));
            emit("Match", m.id.value(), new SubmissionJudged(m.id, sid, p, problem, Verdict.WA, 0, 10, "wrong", 22, tick()));
            emit("Match", m.id.value(), new SabotageAccepted(m.id, sid, p, 1, Verdict.WA, tick()));
        }
        Instant up = tick();
        emit("Match", m.id.value(), new TimeUp(m.id, MatchPhase.SABOTAGE, 1, up, up.plusSeconds(30)));
        Instant repairStart = tick();
        emit("Match", m.id.value(), new RepairPhaseStarted(m.id, List.of(
                new RepairAssignment(a, b, Language.PYTHON3, "print(int(input())+1)\n"),
                new RepairAssignment(b, a, Language.PYTHON3, "print(int(input())+1)\n")), repairStart, repairStart.plusSeconds(600)));
        submit(m, b, problem, SubmissionKind.SOLUTION, "print(3)", Verdict.WA);
        SubmissionId repair = submit(m, a, problem, SubmissionKind.SOLUTION, "print(int(input()))\n", Verdict.AC);
        emit("Match", m.id.value(), new ProblemSolved(m.id, a, problem, repair, lastReceived));
        int points = m.settings.repairBasePoints() + 50;
        emit("Match", m.id.value(), new RepairSucceeded(m.id, a, b, repair, points, 300_000, tick()));
        Instant at = tick();
        emit("Match", m.id.value(), new TimeUp(m.id, MatchPhase.REPAIR, 2, at, at.plusSeconds(30)));
        // a repaired b's sabotage; b never repaired a's, so a also earns the unrepaired reward
        Map<PlayerId, Integer> score = Map.of(a, points + m.settings.unrepairedPoints(), b, 0);
        return place(List.of(a, b), Comparator.comparingInt(p -> -score.get(p)), score::get, p -> null, p -> false);
    }

    private void cancelled(MatchId id, MatchMode mode) {
        MatchSettings settings = settings(mode);
        List<MatchPlayer> roster = roster(mode, size(mode));
        Instant created = tick();
        emit("Match", id.value(), new MatchCreated(id, mode, settings, roster, pick(settings.problemCount(mode),
                settings.problemPoints()), created, created.plusSeconds(10)));
        emit("Match", id.value(), new PlayerForfeited(id, roster.get(0).playerId(), tick()));
        emit("Match", id.value(), new MatchCancelled(id, "not enough players left before the start", tick()));
        finishedMatches.add(id);
    }

    private void live(MatchId id, MatchMode mode, boolean rosterChanges) {
        Start m = start(id, mode, rosterChanges);
        PlayerId p = m.roster.get(0).playerId();
        if (mode == MatchMode.BLITZ) {
            SubmissionId sid = submit(m, p, m.problems.get(0).problemId(), SubmissionKind.SOLUTION, "print(int(input()))", Verdict.AC);
            emit("Match", id.value(), new ProblemSolved(id, p, m.problems.get(0).problemId(), sid, lastReceived));
            emit("Match", id.value(), new ProblemLocked(id, m.problems.get(0).problemId(), p, sid, m.problems.get(0).points(), lastReceived));
        } else if (mode == MatchMode.GOLF) {
            SubmissionId sid = submit(m, p, m.problems.get(0).problemId(), SubmissionKind.SOLUTION, "print(input())", Verdict.AC);
            emit("Match", id.value(), new ProblemSolved(id, p, m.problems.get(0).problemId(), sid, lastReceived));
            emit("Match", id.value(), new GolfBestImproved(id, p, sid, 14, lastReceived));
        } else if (mode == MatchMode.BATTLE_ROYALE) {
            Instant at = tick();
            emit("Match", id.value(), new RoundStarted(id, 1, m.problems.get(0).problemId(), at, at.plusSeconds(300),
                    m.roster.stream().map(MatchPlayer::playerId).toList()));
            submit(m, p, m.problems.get(0).problemId(), SubmissionKind.SOLUTION, "print(5)", Verdict.WA);
        } else {
            SubmissionId sid = SubmissionId.of(id.value() + "-s" + submissionCounter++);
            emit("Match", id.value(), new SabotageSubmitted(id, sid, p, 1, tick()));
        }
        liveMatches.add(id);
    }

    private static List<Standing> place(List<PlayerId> all, Comparator<PlayerId> order, Function<PlayerId, Integer> score,
                                        Function<PlayerId, Instant> decisiveAt, java.util.function.Predicate<PlayerId> forfeited) {
        List<PlayerId> ranked = all.stream().sorted(order).toList();
        List<Standing> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            PlayerId p = ranked.get(i);
            int place = i > 0 && order.compare(ranked.get(i - 1), p) == 0 ? out.get(i - 1).place() : i + 1;
            out.add(new Standing(p, place, score.apply(p), decisiveAt.apply(p), forfeited.test(p)));
        }
        return out;
    }

    private void emit(String type, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        events.add(new StoredEvent(type, aggregateId, sequence, payload, clock));
    }

    private Instant tick() {
        clock = clock.plusMillis(1 + random.nextInt(2000));
        return clock;
    }

    /** Each match's roster at its start, in the order players came in (created, then joined; leavers removed). */
    public Map<MatchId, List<PlayerId>> rosters() {
        Map<MatchId, List<PlayerId>> out = new LinkedHashMap<>();
        for (StoredEvent e : events) {
            if (e.payload() instanceof MatchCreated c) {
                out.put(c.matchId(), new ArrayList<>(c.players().stream().map(MatchPlayer::playerId).toList()));
            } else if (e.payload() instanceof PlayerJoined j) {
                out.get(j.matchId()).add(j.player().playerId());
            } else if (e.payload() instanceof PlayerLeft l) {
                out.get(l.matchId()).remove(l.playerId());
            }
        }
        return out;
    }

    /** Matches whose events include a type, for tests. */
    public Set<MatchId> matchesWith(Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.payload()) && e.aggregateType().equals("Match"))
                .map(e -> MatchId.of(e.aggregateId())).collect(Collectors.toSet());
    }
}
