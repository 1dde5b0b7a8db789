package dev.codearena.command.match;

import static dev.codearena.command.match.MatchScenario.*;

import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.GolfBestImproved;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.TimeUp;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Code Golf: shortest Accepted source in UTF-8 bytes, ties to whoever reached it first, no AC ranks last. */
class GolfMatchTest {

    static final MatchSettings SETTINGS = MatchSettings.defaults(MatchMode.GOLF);
    static final MatchCreated CREATED = created(MatchMode.GOLF, SETTINGS, List.of(ALICE, BOB, CAROL), problem(P1, 0));
    static final MatchStarted STARTED = started(MatchPhase.RUNNING, 900);
    static final Instant T1 = START.plusSeconds(60);
    static final Instant END = START.plusSeconds(900);
    static final String SHORT = "print(42)";          // 9 bytes
    static final String LONG = "print( 42 )";         // 11 bytes
    static final String UNICODE = "print('é')";       // 10 characters, 11 bytes

    private AggregateTestFixture<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void shouldRecordBestLengthOnAccepted() {
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1, LONG))
                .when(verdict("s1", Verdict.AC))
                .expectEvents(judged("s1", ALICE, P1, Verdict.AC, 11, T1.plusSeconds(1)),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s1"), T1),
                        new GolfBestImproved(MATCH, ALICE, sub("s1"), 11, T1));
    }

    @Test
    void lengthIsCountedInUtf8Bytes() {
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1, UNICODE))
                .when(verdict("s1", Verdict.AC))
                .expectEvents(judged("s1", ALICE, P1, Verdict.AC, 11, T1.plusSeconds(1)),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s1"), T1),
                        new GolfBestImproved(MATCH, ALICE, sub("s1"), 11, T1));
    }

    @Test
    void longerAcceptedDoesNotReplaceTheBest() {
        fixture.givenCurrentTime(T1.plusSeconds(9))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1, SHORT), judged("s1", ALICE, P1, Verdict.AC, 9, T1),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s1"), T1), new GolfBestImproved(MATCH, ALICE, sub("s1"), 9, T1),
                        received("s2", ALICE, P1, T1.plusSeconds(5), LONG))
                .when(verdict("s2", Verdict.AC))
                .expectEvents(judged("s2", ALICE, P1, Verdict.AC, 11, T1.plusSeconds(9)));
    }

    @Test
    void wrongAnswerHasNoLength() {
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1, SHORT))
                .when(verdict("s1", Verdict.WA))
                .expectEvents(judged("s1", ALICE, P1, Verdict.WA, 9, T1.plusSeconds(1)));
    }

    @Test
    void unlimitedSubmissionsOnTheSolvedProblem() {
        fixture.givenCurrentTime(T1.plusSeconds(3))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1, LONG), judged("s1", ALICE, P1, Verdict.AC, 11, T1),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s1"), T1), new GolfBestImproved(MATCH, ALICE, sub("s1"), 11, T1))
                .when(submit("s2", ALICE, P1, SHORT))
                .expectEvents(received("s2", ALICE, P1, T1.plusSeconds(3), SHORT));
    }

    @Test
    void shouldRankByLengthThenWhoReachedItFirstAndNoAcceptedLast() {
        Instant t2 = T1.plusSeconds(30);
        fixture.givenCurrentTime(END)
                .andGiven(CREATED, STARTED,
                        received("s1", BOB, P1, T1, SHORT), judged("s1", BOB, P1, Verdict.AC, 9, T1),
                        new ProblemSolved(MATCH, BOB, P1, sub("s1"), T1), new GolfBestImproved(MATCH, BOB, sub("s1"), 9, T1),
                        received("s2", ALICE, P1, t2, SHORT), judged("s2", ALICE, P1, Verdict.AC, 9, t2),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s2"), t2), new GolfBestImproved(MATCH, ALICE, sub("s2"), 9, t2),
                        received("s3", CAROL, P1, t2, SHORT), judged("s3", CAROL, P1, Verdict.WA, 9, t2))
                .whenInvoking(MATCH.value(), m -> m.onPeriodEnd(new MatchDeadlines.Period(1),
                        new dev.codearena.command.support.FixtureClock(() -> END), deadlines(END)))
                .expectEventsMatching(events(new TimeUp(MATCH, MatchPhase.RUNNING, 1, END, END.plusSeconds(30)),
                        ended(EndReason.TIME_UP, standing(BOB, 1, 9, T1), standing(ALICE, 2, 9, t2), standing(CAROL, 3, -1, null))));
    }

    @Test
    void earlierReceivedEqualLengthMovesTheReachedTimeEarlierEvenIfJudgedLater() {
        fixture.givenCurrentTime(T1.plusSeconds(10))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1, SHORT), received("s2", ALICE, P1, T1.plusSeconds(3), "print(24)"),
                        judged("s2", ALICE, P1, Verdict.AC, 9, T1.plusSeconds(5)),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s2"), T1.plusSeconds(3)),
                        new GolfBestImproved(MATCH, ALICE, sub("s2"), 9, T1.plusSeconds(3)))
                .when(verdict("s1", Verdict.AC))
                .expectEvents(judged("s1", ALICE, P1, Verdict.AC, 9, T1.plusSeconds(10)),
                        new GolfBestImproved(MATCH, ALICE, sub("s1"), 9, T1));
    }

    @Test
    void shouldEndByDeadlineWithNobodyAccepted() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(open(MatchMode.GOLF, SETTINGS, List.of(ALICE, BOB), problem(P1, 0)))
                .whenTimeAdvancesTo(END)
                .expectEventsMatching(events(STARTED, new TimeUp(MATCH, MatchPhase.RUNNING, 1, END, END.plusSeconds(30)),
                        ended(EndReason.TIME_UP, standing(ALICE, 1, -1, null), standing(BOB, 1, -1, null))));
    }
}
