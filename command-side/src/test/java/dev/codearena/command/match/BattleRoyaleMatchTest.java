package dev.codearena.command.match;

import static dev.codearena.command.match.MatchScenario.*;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EliminationReason;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.ForfeitMatchCommand;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerEliminated;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.RoundEnded;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.match.TimeUp;
import dev.codearena.api.player.PlayerId;
import dev.codearena.command.support.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Battle Royale: rounds with shrinking time; eliminations as in product.md section 3. */
class BattleRoyaleMatchTest {

    static final List<PlayerId> FIVE = List.of(ALICE, BOB, CAROL, DAVE, ERIN);
    static final MatchSettings SETTINGS = MatchSettings.defaults(MatchMode.BATTLE_ROYALE).withRoundSeconds(List.of(360, 300, 240));
    static final MatchCreated CREATED = created(MatchMode.BATTLE_ROYALE, SETTINGS, FIVE, problem(P1, 0), problem(P2, 0), problem(P3, 0));
    static final Instant R1_END = START.plusSeconds(360);
    static final MatchStarted STARTED = started(MatchPhase.ROUND, 360);
    static final RoundStarted ROUND1 = new RoundStarted(MATCH, 1, P1, START, R1_END, FIVE);

    private AggregateTestFixture<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** Given events in which {@code solvers} solved round 1, in this order, 10 s apart. */
    private static List<Object> round1SolvedBy(PlayerId... solvers) {
        List<Object> events = new ArrayList<>(List.of(CREATED, STARTED, ROUND1));
        for (int i = 0; i < solvers.length; i++) {
            Instant at = START.plusSeconds(10L * (i + 1));
            String id = "s-" + solvers[i].value();
            events.add(received(id, solvers[i], P1, at));
            events.add(judged(id, solvers[i], P1, Verdict.AC, at.plusSeconds(1)));
            events.add(new ProblemSolved(MATCH, solvers[i], P1, sub(id), at));
        }
        return events;
    }

    private ResultValidator<Match> whenRoundTimeIsUp(List<Object> given, int round, Instant at) {
        return fixture.givenCurrentTime(at).andGiven(given)
                .whenInvoking(MATCH.value(), m -> m.onPeriodEnd(new MatchDeadlines.Period(round), new FixtureClock(() -> at), deadlines(at)));
    }

    @Test
    void shouldStartTheFirstRoundWithTheFirstProblem() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(open(MatchMode.BATTLE_ROYALE, SETTINGS, FIVE, problem(P1, 0), problem(P2, 0), problem(P3, 0)))
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectEvents(STARTED, ROUND1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(360), MatchDeadlines.PERIOD_END);
    }

    @Test
    void cannotSubmitAnotherRoundsProblem() {
        Instant at = START.plusSeconds(5);
        fixture.givenCurrentTime(at).andGiven(CREATED, STARTED, ROUND1)
                .when(submit("s1", ALICE, P2, "print(1)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s1"), ALICE, P2, ErrorCode.PROBLEM_NOT_IN_ROUND, "round 1 is p1", at));
    }

    @Test
    void cannotSubmitAgainAfterSolvingTheRound() {
        Instant at = START.plusSeconds(60);
        fixture.givenCurrentTime(at).andGiven(round1SolvedBy(ALICE))
                .when(submit("s2", ALICE, P1, "print(1)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s2"), ALICE, P1, ErrorCode.ALREADY_SOLVED, null, at));
    }

    @Test
    void shouldEliminatePlayersWithoutAcceptedWhenSomeSolved() {
        whenRoundTimeIsUp(round1SolvedBy(BOB, ALICE), 1, R1_END)
                .expectEvents(new TimeUp(MATCH, MatchPhase.ROUND, 1, R1_END, R1_END.plusSeconds(30)),
                        new PlayerEliminated(MATCH, CAROL, 1, EliminationReason.NOT_SOLVED, R1_END),
                        new PlayerEliminated(MATCH, DAVE, 1, EliminationReason.NOT_SOLVED, R1_END),
                        new PlayerEliminated(MATCH, ERIN, 1, EliminationReason.NOT_SOLVED, R1_END),
                        new RoundEnded(MATCH, 1, List.of(BOB, ALICE), List.of(CAROL, DAVE, ERIN), R1_END),
                        new RoundStarted(MATCH, 2, P2, R1_END, R1_END.plusSeconds(300), List.of(ALICE, BOB)));
    }

    @Test
    void shouldEliminateNobodyWhenNobodySolved() {
        whenRoundTimeIsUp(round1SolvedBy(), 1, R1_END)
                .expectEvents(new TimeUp(MATCH, MatchPhase.ROUND, 1, R1_END, R1_END.plusSeconds(30)),
                        new RoundEnded(MATCH, 1, List.of(), List.of(), R1_END),
                        new RoundStarted(MATCH, 2, P2, R1_END, R1_END.plusSeconds(300), FIVE));
    }

    @Test
    void shouldEliminateSlowestQuarterWhenAllSolved() {
        List<Object> given = round1SolvedBy(ERIN, DAVE, CAROL, BOB);
        Instant last = START.plusSeconds(50);
        Instant now = last.plusSeconds(2);
        given.add(received("s-alice", ALICE, P1, last));
        // the last verdict completes the round: nobody is left to wait for, so it ends early
        fixture.givenCurrentTime(now).andGiven(given)
                .when(verdict("s-alice", Verdict.AC))
                .expectEvents(judged("s-alice", ALICE, P1, Verdict.AC, now),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s-alice"), last),
                        new PlayerEliminated(MATCH, ALICE, 1, EliminationReason.SLOWEST, now),
                        new RoundEnded(MATCH, 1, List.of(ERIN, DAVE, CAROL, BOB, ALICE), List.of(ALICE), now),
                        new RoundStarted(MATCH, 2, P2, now, now.plusSeconds(300), List.of(BOB, CAROL, DAVE, ERIN)));
    }

    @Test
    void slowestQuarterIsAtLeastOnePlayer() {
        List<PlayerId> two = List.of(ALICE, BOB);
        MatchSettings settings = SETTINGS.withPlayers(2, 16);
        Instant now = START.plusSeconds(30);
        fixture.givenCurrentTime(now)
                .andGiven(created(MatchMode.BATTLE_ROYALE, settings, two, problem(P1, 0), problem(P2, 0), problem(P3, 0)),
                        STARTED, new RoundStarted(MATCH, 1, P1, START, R1_END, two),
                        received("s-bob", BOB, P1, START.plusSeconds(10)), judged("s-bob", BOB, P1, Verdict.AC, START.plusSeconds(11)),
                        new ProblemSolved(MATCH, BOB, P1, sub("s-bob"), START.plusSeconds(10)),
                        received("s-alice", ALICE, P1, START.plusSeconds(20)))
                .when(verdict("s-alice", Verdict.AC))
                .expectEventsMatching(events(judged("s-alice", ALICE, P1, Verdict.AC, now),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s-alice"), START.plusSeconds(20)),
                        new PlayerEliminated(MATCH, ALICE, 1, EliminationReason.SLOWEST, now),
                        new RoundEnded(MATCH, 1, List.of(BOB, ALICE), List.of(ALICE), now),
                        ended(EndReason.LAST_PLAYER_STANDING, standing(BOB, 1, 1, null), standing(ALICE, 2, 0, now))));
    }

    @Test
    void lastPlayerStandingWinsAndSameRoundEliminationsTie() {
        List<Object> given = round1SolvedBy(BOB, ALICE);
        given.addAll(List.of(new TimeUp(MATCH, MatchPhase.ROUND, 1, R1_END, R1_END.plusSeconds(30)),
                new PlayerEliminated(MATCH, CAROL, 1, EliminationReason.NOT_SOLVED, R1_END),
                new PlayerEliminated(MATCH, DAVE, 1, EliminationReason.NOT_SOLVED, R1_END),
                new PlayerEliminated(MATCH, ERIN, 1, EliminationReason.NOT_SOLVED, R1_END),
                new RoundEnded(MATCH, 1, List.of(BOB, ALICE), List.of(CAROL, DAVE, ERIN), R1_END),
                new RoundStarted(MATCH, 2, P2, R1_END, R1_END.plusSeconds(300), List.of(ALICE, BOB)),
                received("r2-alice", ALICE, P2, R1_END.plusSeconds(20)),
                judged("r2-alice", ALICE, P2, Verdict.AC, R1_END.plusSeconds(21)),
                new ProblemSolved(MATCH, ALICE, P2, sub("r2-alice"), R1_END.plusSeconds(20))));
        Instant r2End = R1_END.plusSeconds(300);
        whenRoundTimeIsUp(given, 2, r2End)
                .expectEventsMatching(events(new TimeUp(MATCH, MatchPhase.ROUND, 2, r2End, r2End.plusSeconds(30)),
                        new PlayerEliminated(MATCH, BOB, 2, EliminationReason.NOT_SOLVED, r2End),
                        new RoundEnded(MATCH, 2, List.of(ALICE), List.of(BOB), r2End),
                        ended(EndReason.LAST_PLAYER_STANDING, standing(ALICE, 1, 2, null), standing(BOB, 2, 1, r2End),
                                standing(CAROL, 3, 0, R1_END), standing(DAVE, 3, 0, R1_END), standing(ERIN, 3, 0, R1_END))));
    }

    @Test
    void eliminatedPlayerCannotSubmit() {
        Instant at = R1_END.plusSeconds(5);
        List<Object> given = round1SolvedBy(BOB, ALICE);
        given.addAll(List.of(new PlayerEliminated(MATCH, CAROL, 1, EliminationReason.NOT_SOLVED, R1_END),
                new RoundEnded(MATCH, 1, List.of(BOB, ALICE), List.of(CAROL), R1_END),
                new RoundStarted(MATCH, 2, P2, R1_END, R1_END.plusSeconds(300), List.of(ALICE, BOB, DAVE, ERIN))));
        fixture.givenCurrentTime(at).andGiven(given)
                .when(submit("late", CAROL, P2, "print(1)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("late"), CAROL, P2, ErrorCode.PLAYER_ELIMINATED, null, at));
    }

    @Test
    void forfeitIsAnElimination() {
        Instant at = START.plusSeconds(30);
        fixture.givenCurrentTime(at).andGiven(CREATED, STARTED, ROUND1)
                .when(new ForfeitMatchCommand(MATCH, DAVE))
                .expectEvents(new PlayerForfeited(MATCH, DAVE, at),
                        new PlayerEliminated(MATCH, DAVE, 1, EliminationReason.FORFEIT, at));
    }

    @Test
    void survivorsOfTheLastRoundShareFirstPlace() {
        List<PlayerId> four = List.of(ALICE, BOB, CAROL, DAVE);
        MatchSettings oneRound = SETTINGS.withRoundSeconds(List.of(360));
        fixture.givenCurrentTime(R1_END)
                .andGiven(created(MatchMode.BATTLE_ROYALE, oneRound, four, problem(P1, 0)), STARTED,
                        new RoundStarted(MATCH, 1, P1, START, R1_END, four))
                .whenInvoking(MATCH.value(), m -> m.onPeriodEnd(new MatchDeadlines.Period(1), new FixtureClock(() -> R1_END), deadlines(R1_END)))
                .expectEventsMatching(events(new TimeUp(MATCH, MatchPhase.ROUND, 1, R1_END, R1_END.plusSeconds(30)),
                        new RoundEnded(MATCH, 1, List.of(), List.of(), R1_END),
                        ended(EndReason.ROUNDS_EXHAUSTED, standing(ALICE, 1, 1, null), standing(BOB, 1, 1, null),
                                standing(CAROL, 1, 1, null), standing(DAVE, 1, 1, null))));
    }

    /**
     * Placement is elimination order, forfeits included: a forfeit in a round ranks below that round's
     * end-of-round eliminations and above earlier rounds'; a forfeit before the start ranks last with score 0.
     */
    @Test
    void forfeitsRankByEliminationOrder() {
        Instant erinLeaves = T0.plusSeconds(2);
        Instant daveForfeits = START.plusSeconds(100);
        Instant r2Start = R1_END;
        Instant bobForfeits = r2Start.plusSeconds(40);
        List<PlayerId> four = List.of(ALICE, BOB, CAROL, DAVE);
        List<Object> given = new ArrayList<>(List.of(CREATED, new PlayerForfeited(MATCH, ERIN, erinLeaves), STARTED,
                new RoundStarted(MATCH, 1, P1, START, R1_END, four)));
        for (PlayerId solver : List.of(ALICE, BOB, CAROL)) {
            Instant at = START.plusSeconds(10L * (given.size()));
            String id = "s-" + solver.value();
            given.add(received(id, solver, P1, at));
            given.add(judged(id, solver, P1, Verdict.AC, at.plusSeconds(1)));
            given.add(new ProblemSolved(MATCH, solver, P1, sub(id), at));
        }
        given.addAll(List.of(new PlayerForfeited(MATCH, DAVE, daveForfeits),
                new PlayerEliminated(MATCH, DAVE, 1, EliminationReason.FORFEIT, daveForfeits),
                new TimeUp(MATCH, MatchPhase.ROUND, 1, R1_END, R1_END.plusSeconds(30)),
                new PlayerEliminated(MATCH, CAROL, 1, EliminationReason.SLOWEST, R1_END),
                new RoundEnded(MATCH, 1, List.of(ALICE, BOB, CAROL), List.of(CAROL), R1_END),
                new RoundStarted(MATCH, 2, P2, r2Start, r2Start.plusSeconds(300), List.of(ALICE, BOB))));
        fixture.givenCurrentTime(bobForfeits).andGiven(given)
                .when(new ForfeitMatchCommand(MATCH, BOB))
                .expectEventsMatching(events(new PlayerForfeited(MATCH, BOB, bobForfeits),
                        new PlayerEliminated(MATCH, BOB, 2, EliminationReason.FORFEIT, bobForfeits),
                        ended(EndReason.LAST_PLAYER_STANDING, standing(ALICE, 1, 2, null),
                                new Standing(BOB, 2, 1, bobForfeits, true), standing(CAROL, 3, 0, R1_END),
                                new Standing(DAVE, 4, 0, daveForfeits, true), new Standing(ERIN, 5, 0, null, true))));
    }
}
