package dev.codearena.command.match;

import static dev.codearena.command.match.MatchScenario.*;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.ForfeitMatchCommand;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.ProblemLocked;
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionOutcome;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.match.TimeUp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blitz (lockout): product.md section 3. */
class BlitzMatchTest {

    static final MatchSettings SETTINGS = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100, 200, 300));
    static final MatchCreated CREATED = created(MatchMode.BLITZ, SETTINGS, List.of(ALICE, BOB),
            problem(P1, 100), problem(P2, 200), problem(P3, 300));
    static final MatchStarted STARTED = started(MatchPhase.RUNNING, 1800);
    static final Instant T1 = START.plusSeconds(60);

    private AggregateTestFixture<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void shouldScheduleStartWhenCreated() {
        fixture.givenCurrentTime(T0)
                .when(open(MatchMode.BLITZ, SETTINGS, List.of(ALICE, BOB), problem(P1, 100), problem(P2, 200), problem(P3, 300)))
                .expectEvents(CREATED)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), MatchDeadlines.START);
    }

    @Test
    void cannotCreateWithSettingsOutOfBounds() {
        fixture.givenCurrentTime(T0)
                .when(open(MatchMode.BLITZ, SETTINGS.withDurationSeconds(10), List.of(ALICE, BOB),
                        problem(P1, 100), problem(P2, 200), problem(P3, 300)))
                .expectException(CodeArenaException.class)
                .expectExceptionMessage("durationSeconds must be within 60..14400 (was 10)")
                .expectNoEvents();
    }

    @Test
    void cannotCreateWithWrongNumberOfProblems() {
        fixture.givenCurrentTime(T0)
                .when(open(MatchMode.BLITZ, SETTINGS, List.of(ALICE, BOB), problem(P1, 100)))
                .expectException(CodeArenaException.class)
                .expectNoEvents();
    }

    @Test
    void shouldStartWhenCountdownEnds() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(open(MatchMode.BLITZ, SETTINGS, List.of(ALICE, BOB), problem(P1, 100), problem(P2, 200), problem(P3, 300)))
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectEvents(STARTED)
                .expectTriggeredDeadlinesWithName(MatchDeadlines.START)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1800), MatchDeadlines.PERIOD_END);
    }

    @Test
    void shouldEndWhenTimeIsUp() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(open(MatchMode.BLITZ, SETTINGS, List.of(ALICE, BOB), problem(P1, 100), problem(P2, 200), problem(P3, 300)))
                .whenTimeAdvancesTo(START.plusSeconds(1800))
                .expectEventsMatching(events(STARTED,
                        new TimeUp(MATCH, MatchPhase.RUNNING, 1, START.plusSeconds(1800), START.plusSeconds(1830)),
                        ended(EndReason.TIME_UP, standing(ALICE, 1, 0, null), standing(BOB, 1, 0, null))));
    }

    @Test
    void cannotSubmitBeforeTheStart() {
        fixture.givenCurrentTime(T0.plusSeconds(3))
                .andGiven(CREATED)
                .when(submit("s1", ALICE, P1, "print(1)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s1"), ALICE, P1, ErrorCode.MATCH_NOT_RUNNING,
                        "the match starts at " + START, T0.plusSeconds(3)))
                .expectResultMessagePayload(SubmissionOutcome.refused(sub("s1"), ErrorCode.MATCH_NOT_RUNNING,
                        "the match starts at " + START));
    }

    @Test
    void shouldReceiveSubmissionWhileRunning() {
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED)
                .when(submit("s1", ALICE, P1, "print(42)"))
                .expectEvents(received("s1", ALICE, P1, T1))
                .expectResultMessagePayload(SubmissionOutcome.received(sub("s1")));
    }

    @Test
    void resendingTheSameSubmissionIsHarmless() {
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1))
                .when(submit("s1", ALICE, P1, "print(42)"))
                .expectNoEvents()
                .expectResultMessagePayload(SubmissionOutcome.received(sub("s1")));
    }

    @Test
    void cannotSubmitForSomebodyElsesMatch() {
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED)
                .when(submit("s1", CAROL, P1, "print(42)"))
                .expectException(CodeArenaException.class)
                .expectNoEvents();
    }

    @Test
    void cannotSubmitOversizedSource() {
        String huge = "#".repeat(64 * 1024 + 1);
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED)
                .when(submit("s1", ALICE, P1, huge))
                .expectEvents(new SubmissionRefused(MATCH, sub("s1"), ALICE, P1, ErrorCode.SOURCE_TOO_LARGE,
                        "65537 bytes > 65536", T1));
    }

    @Test
    void cannotSubmitEmptySource() {
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED)
                .when(submit("s1", ALICE, P1, "  \n"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s1"), ALICE, P1, ErrorCode.SOURCE_EMPTY, null, T1));
    }

    @Test
    void cannotSubmitASourceWithANulCharacter() {
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED)
                .when(submit("s1", ALICE, P1, "print(1)\u0000"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s1"), ALICE, P1, ErrorCode.VALIDATION_FAILED,
                        "the source contains a NUL character (U+0000)", T1));
    }

    @Test
    void cannotSubmitUnknownProblem() {
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED)
                .when(submit("s1", ALICE, dev.codearena.api.problem.ProblemId.of("nope"), "print(1)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s1"), ALICE, dev.codearena.api.problem.ProblemId.of("nope"),
                        ErrorCode.PROBLEM_NOT_IN_MATCH, null, T1));
    }

    @Test
    void cannotSubmitTwiceWithinTwoSeconds() {
        fixture.givenCurrentTime(T1.plusMillis(1500))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1))
                .when(submit("s2", ALICE, P2, "print(1)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s2"), ALICE, P2, ErrorCode.RATE_LIMITED, "retry in 500 ms",
                        T1.plusMillis(1500)));
    }

    @Test
    void canSubmitAgainAfterTwoSeconds() {
        fixture.givenCurrentTime(T1.plusSeconds(2))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1))
                .when(submit("s2", ALICE, P2, "print(42)"))
                .expectEvents(received("s2", ALICE, P2, T1.plusSeconds(2)));
    }

    @Test
    void shouldLockProblemOnFirstAccepted() {
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1))
                .when(verdict("s1", Verdict.AC))
                .expectEvents(judged("s1", ALICE, P1, Verdict.AC, T1.plusSeconds(1)),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s1"), T1),
                        new ProblemLocked(MATCH, P1, ALICE, sub("s1"), 100, T1));
    }

    @Test
    void wrongAnswerDoesNotLock() {
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1))
                .when(verdict("s1", Verdict.WA))
                .expectEvents(judged("s1", ALICE, P1, Verdict.WA, T1.plusSeconds(1)));
    }

    @Test
    void cannotClaimLockedProblem() {
        fixture.givenCurrentTime(T1.plusSeconds(5))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1), judged("s1", ALICE, P1, Verdict.AC, T1),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s1"), T1), new ProblemLocked(MATCH, P1, ALICE, sub("s1"), 100, T1))
                .when(submit("s2", BOB, P1, "print(42)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s2"), BOB, P1, ErrorCode.PROBLEM_LOCKED, "locked by alice",
                        T1.plusSeconds(5)));
    }

    @Test
    void laterSubmittedAcceptedWaitsWhileAnEarlierSubmissionIsPending() {
        fixture.givenCurrentTime(T1.plusSeconds(3))
                .andGiven(CREATED, STARTED, received("s1", BOB, P1, T1), received("s2", ALICE, P1, T1.plusSeconds(1)))
                .when(verdict("s2", Verdict.AC))
                .expectEvents(judged("s2", ALICE, P1, Verdict.AC, T1.plusSeconds(3)),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s2"), T1.plusSeconds(1)));
    }

    @Test
    void earlierSubmittedAcceptedWinsTheLockEvenWhenItsVerdictArrivesLast() {
        fixture.givenCurrentTime(T1.plusSeconds(4))
                .andGiven(CREATED, STARTED, received("s1", BOB, P1, T1), received("s2", ALICE, P1, T1.plusSeconds(1)),
                        judged("s2", ALICE, P1, Verdict.AC, T1.plusSeconds(3)),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s2"), T1.plusSeconds(1)))
                .when(verdict("s1", Verdict.AC))
                .expectEvents(judged("s1", BOB, P1, Verdict.AC, T1.plusSeconds(4)),
                        new ProblemSolved(MATCH, BOB, P1, sub("s1"), T1),
                        new ProblemLocked(MATCH, P1, BOB, sub("s1"), 100, T1));
    }

    @Test
    void laterAcceptedLocksOnceTheEarlierSubmissionFails() {
        fixture.givenCurrentTime(T1.plusSeconds(4))
                .andGiven(CREATED, STARTED, received("s1", BOB, P1, T1), received("s2", ALICE, P1, T1.plusSeconds(1)),
                        judged("s2", ALICE, P1, Verdict.AC, T1.plusSeconds(3)),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s2"), T1.plusSeconds(1)))
                .when(verdict("s1", Verdict.WA))
                .expectEvents(judged("s1", BOB, P1, Verdict.WA, T1.plusSeconds(4)),
                        new ProblemLocked(MATCH, P1, ALICE, sub("s2"), 100, T1.plusSeconds(1)));
    }

    @Test
    void secondAcceptedOnALockedProblemDoesNotLockAgain() {
        fixture.givenCurrentTime(T1.plusSeconds(4))
                .andGiven(CREATED, STARTED, received("s1", BOB, P1, T1), received("s2", ALICE, P1, T1.plusSeconds(1)),
                        judged("s1", BOB, P1, Verdict.AC, T1.plusSeconds(2)), new ProblemSolved(MATCH, BOB, P1, sub("s1"), T1),
                        new ProblemLocked(MATCH, P1, BOB, sub("s1"), 100, T1))
                .when(verdict("s2", Verdict.AC))
                .expectEvents(judged("s2", ALICE, P1, Verdict.AC, T1.plusSeconds(4)),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s2"), T1.plusSeconds(1)));
    }

    @Test
    void duplicateVerdictIsRecordedOnce() {
        fixture.givenCurrentTime(T1.plusSeconds(4))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P1, T1), judged("s1", ALICE, P1, Verdict.WA, T1.plusSeconds(1)))
                .when(verdict("s1", Verdict.AC))
                .expectNoEvents();
    }

    @Test
    void verdictForUnknownSubmissionIsRefused() {
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED)
                .when(verdict("ghost", Verdict.AC))
                .expectException(CodeArenaException.class)
                .expectNoEvents();
    }

    @Test
    void shouldEndEarlyWhenLeadIsUnassailable() {
        Instant t2 = T1.plusSeconds(30);
        fixture.givenCurrentTime(t2.plusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P3, T1), judged("s1", ALICE, P3, Verdict.AC, T1),
                        new ProblemSolved(MATCH, ALICE, P3, sub("s1"), T1), new ProblemLocked(MATCH, P3, ALICE, sub("s1"), 300, T1),
                        received("s2", ALICE, P2, t2))
                .when(verdict("s2", Verdict.AC))
                .expectEventsMatching(events(judged("s2", ALICE, P2, Verdict.AC, t2.plusSeconds(1)),
                        new ProblemSolved(MATCH, ALICE, P2, sub("s2"), t2),
                        new ProblemLocked(MATCH, P2, ALICE, sub("s2"), 200, t2),
                        ended(EndReason.UNASSAILABLE_LEAD, standing(ALICE, 1, 500, t2), standing(BOB, 2, 0, null))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void shouldNotEndWhileTheLeadEqualsThePointsStillOpen() {
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", ALICE, P3, T1))
                .when(verdict("s1", Verdict.AC))
                .expectEvents(judged("s1", ALICE, P3, Verdict.AC, T1.plusSeconds(1)),
                        new ProblemSolved(MATCH, ALICE, P3, sub("s1"), T1),
                        new ProblemLocked(MATCH, P3, ALICE, sub("s1"), 300, T1));
    }

    @Test
    void shouldEndWhenEveryProblemIsLocked() {
        Instant t2 = T1.plusSeconds(10);
        Instant t3 = T1.plusSeconds(20);
        fixture.givenCurrentTime(t3.plusSeconds(1))
                .andGiven(CREATED, STARTED,
                        received("s1", ALICE, P1, T1), judged("s1", ALICE, P1, Verdict.AC, T1),
                        new ProblemSolved(MATCH, ALICE, P1, sub("s1"), T1), new ProblemLocked(MATCH, P1, ALICE, sub("s1"), 100, T1),
                        received("s2", BOB, P3, t2), judged("s2", BOB, P3, Verdict.AC, t2),
                        new ProblemSolved(MATCH, BOB, P3, sub("s2"), t2), new ProblemLocked(MATCH, P3, BOB, sub("s2"), 300, t2),
                        received("s3", ALICE, P2, t3))
                .when(verdict("s3", Verdict.AC))
                .expectEventsMatching(events(judged("s3", ALICE, P2, Verdict.AC, t3.plusSeconds(1)),
                        new ProblemSolved(MATCH, ALICE, P2, sub("s3"), t3),
                        new ProblemLocked(MATCH, P2, ALICE, sub("s3"), 200, t3),
                        // 300 each: Bob's last lock (t2) is earlier than Alice's (t3)
                        ended(EndReason.ALL_PROBLEMS_LOCKED, standing(BOB, 1, 300, t2), standing(ALICE, 2, 300, t3))));
    }

    @Test
    void timeUpWaitsForVerdictsOfSubmissionsMadeInTime() {
        Instant end = START.plusSeconds(1800);
        fixture.givenCurrentTime(end.minusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", BOB, P1, end.minusSeconds(1)))
                .whenInvoking(MATCH.value(), match -> match.onPeriodEnd(new MatchDeadlines.Period(1),
                        new dev.codearena.command.support.FixtureClock(() -> end), deadlines(end)))
                .expectEvents(new TimeUp(MATCH, MatchPhase.RUNNING, 1, end, end.plusSeconds(30)));
    }

    @Test
    void lastVerdictAfterTimeUpDecidesAndEndsTheMatch() {
        Instant end = START.plusSeconds(1800);
        fixture.givenCurrentTime(end.plusSeconds(2))
                .andGiven(CREATED, STARTED, received("s1", BOB, P1, end.minusSeconds(1)),
                        new TimeUp(MATCH, MatchPhase.RUNNING, 1, end, end.plusSeconds(30)))
                .when(verdict("s1", Verdict.AC))
                .expectEventsMatching(events(judged("s1", BOB, P1, Verdict.AC, end.plusSeconds(2)),
                        new ProblemSolved(MATCH, BOB, P1, sub("s1"), end.minusSeconds(1)),
                        new ProblemLocked(MATCH, P1, BOB, sub("s1"), 100, end.minusSeconds(1)),
                        ended(EndReason.TIME_UP, standing(BOB, 1, 100, end.minusSeconds(1)), standing(ALICE, 2, 0, null))));
    }

    @Test
    void cannotSubmitAfterTimeIsUp() {
        Instant end = START.plusSeconds(1800);
        fixture.givenCurrentTime(end.plusSeconds(1))
                .andGiven(CREATED, STARTED, received("s1", BOB, P1, end.minusSeconds(1)),
                        new TimeUp(MATCH, MatchPhase.RUNNING, 1, end, end.plusSeconds(30)))
                .when(submit("s2", ALICE, P2, "print(1)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s2"), ALICE, P2, ErrorCode.TIME_UP, null, end.plusSeconds(1)));
    }

    @Test
    void pendingSubmissionsBecomeInternalErrorsWhenTheGracePeriodEnds() {
        Instant end = START.plusSeconds(1800);
        Instant graceEnd = end.plusSeconds(30);
        fixture.givenCurrentTime(graceEnd)
                .andGiven(CREATED, STARTED, received("s1", BOB, P1, end.minusSeconds(1)),
                        new TimeUp(MATCH, MatchPhase.RUNNING, 1, end, graceEnd))
                .whenInvoking(MATCH.value(), match -> match.onGraceEnd(new MatchDeadlines.Period(1),
                        new dev.codearena.command.support.FixtureClock(() -> graceEnd), deadlines(graceEnd)))
                .expectEventsMatching(events(new dev.codearena.api.match.SubmissionJudged(MATCH, sub("s1"), BOB, P1, Verdict.IE,
                                0, 0, "not judged before the grace period ended", "print(42)".length(), graceEnd),
                        ended(EndReason.TIME_UP, standing(ALICE, 1, 0, null), standing(BOB, 1, 0, null))));
    }

    @Test
    void staleDeadlineIsIgnored() {
        Instant end = START.plusSeconds(1800);
        fixture.givenCurrentTime(end)
                .andGiven(CREATED, STARTED)
                .whenInvoking(MATCH.value(), match -> match.onPeriodEnd(new MatchDeadlines.Period(7),
                        new dev.codearena.command.support.FixtureClock(() -> end), deadlines(end)))
                .expectNoEvents();
    }

    @Test
    void forfeitLetsTheOpponentWin() {
        fixture.givenCurrentTime(T1)
                .andGiven(CREATED, STARTED)
                .when(new ForfeitMatchCommand(MATCH, BOB))
                .expectEventsMatching(events(new PlayerForfeited(MATCH, BOB, T1),
                        ended(EndReason.FORFEIT, standing(ALICE, 1, 0, null), new Standing(BOB, 2, 0, null, true))));
    }

    @Test
    void forfeitBeforeTheStartCancelsTheMatch() {
        fixture.givenCurrentTime(T0.plusSeconds(2))
                .andGiven(CREATED)
                .when(new ForfeitMatchCommand(MATCH, BOB))
                .expectEvents(new PlayerForfeited(MATCH, BOB, T0.plusSeconds(2)),
                        new dev.codearena.api.match.MatchCancelled(MATCH, "not enough players left before the start", T0.plusSeconds(2)));
    }

    @Test
    void forfeitedPlayerCannotSubmit() {
        List<dev.codearena.api.player.PlayerId> three = List.of(ALICE, BOB, CAROL);
        fixture.givenCurrentTime(T1)
                .andGiven(created(MatchMode.BLITZ, SETTINGS, three, problem(P1, 100), problem(P2, 200), problem(P3, 300)),
                        STARTED, new PlayerForfeited(MATCH, BOB, T1.minusSeconds(5)))
                .when(submit("s1", BOB, P1, "print(1)"))
                .expectEvents(new SubmissionRefused(MATCH, sub("s1"), BOB, P1, ErrorCode.PLAYER_FORFEITED, null, T1));
    }
}
