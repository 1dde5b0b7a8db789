package dev.codearena.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.match.EliminationReason;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
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
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.RoundEnded;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.TimeUp;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.query.ReplayResult;
import dev.codearena.api.rating.EloRatings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The auditor's replay recomputes the standings the command side records, Battle Royale forfeits
 * included. The events and the recorded standings are those of the command side's specification
 * {@code BattleRoyaleMatchTest.forfeitsRankByEliminationOrder}.
 */
class MatchReplayerStandingsTest {

    static final MatchId MATCH = MatchId.of("m-1");
    static final PlayerId ALICE = PlayerId.of("alice");
    static final PlayerId BOB = PlayerId.of("bob");
    static final PlayerId CAROL = PlayerId.of("carol");
    static final PlayerId DAVE = PlayerId.of("dave");
    static final PlayerId ERIN = PlayerId.of("erin");
    static final ProblemId P1 = ProblemId.of("p1");
    static final ProblemId P2 = ProblemId.of("p2");
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant START = T0.plusSeconds(10);
    static final Instant R1_END = START.plusSeconds(360);
    static final JudgeSpec JUDGE = new JudgeSpec("p/v1/tests", CheckerSpec.TOKENS, 1000, 256);

    static MatchPlayer player(PlayerId id) {
        return new MatchPlayer(id, id.value(), 1500, 20, 1500, 20);
    }

    static MatchProblem problem(ProblemId id) {
        return new MatchProblem(id, 1, "Problem " + id, 1, 0, JUDGE, null);
    }

    @Test
    void recomputesBattleRoyaleForfeitsAsRecorded() {
        MatchSettings settings = MatchSettings.defaults(MatchMode.BATTLE_ROYALE).withRoundSeconds(List.of(360, 300, 240));
        Instant daveForfeits = START.plusSeconds(100);
        Instant bobForfeits = R1_END.plusSeconds(40);
        List<PlayerId> four = List.of(ALICE, BOB, CAROL, DAVE);
        List<MatchPlayer> roster = List.of(ALICE, BOB, CAROL, DAVE, ERIN).stream().map(MatchReplayerStandingsTest::player).toList();
        List<Object> events = new ArrayList<>(List.of(
                new MatchCreated(MATCH, MatchMode.BATTLE_ROYALE, settings, roster,
                        List.of(problem(P1), problem(P2), problem(ProblemId.of("p3"))), T0, START),
                new PlayerForfeited(MATCH, ERIN, T0.plusSeconds(2)),
                new MatchStarted(MATCH, MatchPhase.ROUND, START, R1_END),
                new RoundStarted(MATCH, 1, P1, START, R1_END, four),
                new ProblemSolved(MATCH, ALICE, P1, SubmissionId.of("s-alice"), START.plusSeconds(40)),
                new ProblemSolved(MATCH, BOB, P1, SubmissionId.of("s-bob"), START.plusSeconds(70)),
                new ProblemSolved(MATCH, CAROL, P1, SubmissionId.of("s-carol"), START.plusSeconds(100)),
                new PlayerForfeited(MATCH, DAVE, daveForfeits),
                new PlayerEliminated(MATCH, DAVE, 1, EliminationReason.FORFEIT, daveForfeits),
                new TimeUp(MATCH, MatchPhase.ROUND, 1, R1_END, R1_END.plusSeconds(30)),
                new PlayerEliminated(MATCH, CAROL, 1, EliminationReason.SLOWEST, R1_END),
                new RoundEnded(MATCH, 1, List.of(ALICE, BOB, CAROL), List.of(CAROL), R1_END),
                new RoundStarted(MATCH, 2, P2, R1_END, R1_END.plusSeconds(300), List.of(ALICE, BOB)),
                new PlayerForfeited(MATCH, BOB, bobForfeits),
                new PlayerEliminated(MATCH, BOB, 2, EliminationReason.FORFEIT, bobForfeits)));
        List<Standing> recorded = List.of(new Standing(ALICE, 1, 2, null, false), new Standing(BOB, 2, 1, bobForfeits, true),
                new Standing(CAROL, 3, 0, R1_END, false), new Standing(DAVE, 4, 0, daveForfeits, true),
                new Standing(ERIN, 5, 0, null, true));
        events.add(ended(MatchMode.BATTLE_ROYALE, EndReason.LAST_PLAYER_STANDING, roster, recorded, bobForfeits));

        ReplayResult replay = MatchReplayer.replay(MATCH, events, events.size());

        assertThat(replay.recomputedStandings()).containsExactlyElementsOf(recorded);
        assertThat(replay.differences()).isEmpty();
        assertThat(replay.agrees()).isTrue();
    }

    @Test
    void ranksOnlyTheRosterAfterJoinsAndLeaves() {
        MatchSettings settings = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100));
        Instant end = START.plusSeconds(60);
        List<Object> events = new ArrayList<>(List.of(
                new MatchCreated(MATCH, MatchMode.BLITZ, settings, List.of(player(ALICE), player(BOB)),
                        List.of(new MatchProblem(P1, 1, "p1", 1, 100, JUDGE, null)), T0, START),
                new PlayerJoined(MATCH, player(CAROL), T0.plusSeconds(1)),
                new PlayerLeft(MATCH, ALICE, T0.plusSeconds(2)),
                new MatchStarted(MATCH, MatchPhase.RUNNING, START, START.plusSeconds(1800)),
                new PlayerForfeited(MATCH, BOB, end)));
        List<Standing> recorded = List.of(new Standing(CAROL, 1, 0, null, false), new Standing(BOB, 2, 0, null, true));
        events.add(ended(MatchMode.BLITZ, EndReason.FORFEIT, List.of(player(BOB), player(CAROL)), recorded, end));

        ReplayResult replay = MatchReplayer.replay(MATCH, events, events.size());

        assertThat(replay.recomputedStandings()).containsExactlyElementsOf(recorded);
        assertThat(replay.agrees()).isTrue();
    }

    @Test
    void reportsRecordedStandingsThatBreakTheRule() {
        MatchSettings settings = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100));
        Instant end = START.plusSeconds(60);
        List<Object> events = new ArrayList<>(List.of(
                new MatchCreated(MATCH, MatchMode.BLITZ, settings, List.of(player(ALICE), player(BOB)),
                        List.of(new MatchProblem(P1, 1, "p1", 1, 100, JUDGE, null)), T0, START),
                new MatchStarted(MATCH, MatchPhase.RUNNING, START, START.plusSeconds(1800)),
                new PlayerForfeited(MATCH, BOB, end)));
        // a forfeiting player recorded as the winner
        List<Standing> wrong = List.of(new Standing(BOB, 1, 0, null, true), new Standing(ALICE, 2, 0, null, false));
        events.add(ended(MatchMode.BLITZ, EndReason.FORFEIT, List.of(player(ALICE), player(BOB)), wrong, end));

        ReplayResult replay = MatchReplayer.replay(MATCH, events, events.size());

        assertThat(replay.agrees()).isFalse();
        assertThat(replay.differences()).isNotEmpty();
    }

    private static MatchEnded ended(MatchMode mode, EndReason reason, List<MatchPlayer> roster, List<Standing> standings,
                                    Instant at) {
        Map<PlayerId, Integer> places = new HashMap<>();
        standings.forEach(s -> places.put(s.playerId(), s.place()));
        List<RatingChange> ratings = EloRatings.compute(mode, roster, places);
        return new MatchEnded(MATCH, mode, reason, standings, ratings, at);
    }
}
