package dev.codearena.command.match;

import static dev.codearena.command.match.MatchScenario.*;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.ForfeitMatchCommand;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.RepairAssignment;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.match.RepairSucceeded;
import dev.codearena.api.match.SabotageAccepted;
import dev.codearena.api.match.SabotageRefused;
import dev.codearena.api.match.SabotageSubmitted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionOutcome;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.match.SubmitSabotageCommand;
import dev.codearena.api.match.TimeUp;
import dev.codearena.api.player.PlayerId;
import dev.codearena.command.support.FixtureClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sabotage: phase 1 inject a bug (validated), phase 2 repair the opponent's. */
class SabotageMatchTest {

    static final MatchSettings SETTINGS = MatchSettings.defaults(MatchMode.SABOTAGE);
    static final MatchCreated CREATED = created(MatchMode.SABOTAGE, SETTINGS, List.of(ALICE, BOB), sabotageProblem());
    static final MatchStarted STARTED = started(MatchPhase.SABOTAGE, 300);
    static final Instant PHASE1_END = START.plusSeconds(300);
    static final Instant REPAIR_END = PHASE1_END.plusSeconds(600);
    /** One changed line: doubles become triples. */
    static final String ALICE_BUG = "n = int(input())\nprint(n * 3)\n";
    /** One changed line: off by one. */
    static final String BOB_BUG = "n = int(input())\nprint(n * 2 + 1)\n";
    static final Instant T1 = START.plusSeconds(30);

    private AggregateTestFixture<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    static SubmitSabotageCommand sabotage(String id, PlayerId player, String source) {
        return new SubmitSabotageCommand(MATCH, sub(id), player, source);
    }

    static SubmissionReceived validation(String id, PlayerId player, String source, Instant at) {
        return new SubmissionReceived(MATCH, sub(id), player, P1, 1, SubmissionKind.SABOTAGE_VALIDATION, Language.PYTHON3,
                source, source.getBytes(StandardCharsets.UTF_8).length, JUDGE, at);
    }

    static List<Object> sabotageAccepted(String id, PlayerId player, String source, Instant at) {
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        return List.of(new SabotageSubmitted(MATCH, sub(id), player, 1, at), validation(id, player, source, at),
                new SubmissionJudged(MATCH, sub(id), player, P1, Verdict.WA, 3, 10, null, bytes, at.plusSeconds(1)),
                new SabotageAccepted(MATCH, sub(id), player, 1, Verdict.WA, at.plusSeconds(1)));
    }

    static final RepairPhaseStarted REPAIR = new RepairPhaseStarted(MATCH, List.of(
            new RepairAssignment(ALICE, BOB, Language.PYTHON3, BOB_BUG),
            new RepairAssignment(BOB, ALICE, Language.PYTHON3, ALICE_BUG)), PHASE1_END, REPAIR_END);

    private static List<Object> inRepairPhase(Object... more) {
        List<Object> given = new java.util.ArrayList<>(List.of(CREATED, STARTED));
        given.addAll(sabotageAccepted("sab-a", ALICE, ALICE_BUG, T1));
        given.addAll(sabotageAccepted("sab-b", BOB, BOB_BUG, T1.plusSeconds(5)));
        given.add(new TimeUp(MATCH, MatchPhase.SABOTAGE, 1, PHASE1_END, PHASE1_END.plusSeconds(30)));
        given.add(REPAIR);
        given.addAll(List.of(more));
        return given;
    }

    @Test
    void shouldStartInTheSabotagePhase() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(open(MatchMode.SABOTAGE, SETTINGS, List.of(ALICE, BOB), sabotageProblem()))
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectEvents(STARTED)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(300), MatchDeadlines.PERIOD_END);
    }

    @Test
    void sabotageWithinTheEditBudgetGoesToTheJudge() {
        fixture.givenCurrentTime(T1).andGiven(CREATED, STARTED)
                .when(sabotage("sab-a", ALICE, ALICE_BUG))
                .expectEvents(new SabotageSubmitted(MATCH, sub("sab-a"), ALICE, 1, T1), validation("sab-a", ALICE, ALICE_BUG, T1))
                .expectResultMessagePayload(SubmissionOutcome.received(sub("sab-a")));
    }

    @Test
    void cannotSabotageOverTheEditBudget() {
        String rewritten = "import sys\nn = int(sys.stdin.readline())\nm = n + n\nprint(m + 1)\n";
        fixture.givenCurrentTime(T1).andGiven(CREATED, STARTED)
                .when(sabotage("sab-a", ALICE, rewritten))
                .expectEvents(new SabotageRefused(MATCH, sub("sab-a"), ALICE, ErrorCode.SABOTAGE_EDIT_BUDGET_EXCEEDED,
                        "4 changed lines > budget of 3", T1));
    }

    @Test
    void cannotSubmitTheUnchangedReference() {
        fixture.givenCurrentTime(T1).andGiven(CREATED, STARTED)
                .when(sabotage("sab-a", ALICE, REFERENCE.replace("\n", "\r\n")))
                .expectEvents(new SabotageRefused(MATCH, sub("sab-a"), ALICE, ErrorCode.SABOTAGE_NO_CHANGE, null, T1));
    }

    @Test
    void sabotageThatDoesNotCompileIsRefused() {
        String broken = "n = int(input()\nprint(n * 2)\n";
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, new SabotageSubmitted(MATCH, sub("sab-a"), ALICE, 1, T1), validation("sab-a", ALICE, broken, T1))
                .when(new RecordVerdictCommand(MATCH, sub("sab-a"), Verdict.CE, false, 0, 10, "SyntaxError: '(' was never closed", 1))
                .expectEvents(new SubmissionJudged(MATCH, sub("sab-a"), ALICE, P1, Verdict.CE, 0, 10,
                                "SyntaxError: '(' was never closed", broken.length(), T1.plusSeconds(1)),
                        new SabotageRefused(MATCH, sub("sab-a"), ALICE, ErrorCode.SABOTAGE_DOES_NOT_COMPILE,
                                "SyntaxError: '(' was never closed", T1.plusSeconds(1)));
    }

    @Test
    void sabotageThatPassesAllTestsIsRefused() {
        String harmless = "n = int(input())\nprint(2 * n)\n";
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, new SabotageSubmitted(MATCH, sub("sab-a"), ALICE, 1, T1), validation("sab-a", ALICE, harmless, T1))
                .when(verdict("sab-a", Verdict.AC))
                .expectEvents(new SubmissionJudged(MATCH, sub("sab-a"), ALICE, P1, Verdict.AC, 10, 10, null, harmless.length(), T1.plusSeconds(1)),
                        new SabotageRefused(MATCH, sub("sab-a"), ALICE, ErrorCode.SABOTAGE_PASSES_ALL_TESTS, null, T1.plusSeconds(1)));
    }

    @Test
    void sabotageThatFailsATestIsAccepted() {
        fixture.givenCurrentTime(T1.plusSeconds(1))
                .andGiven(CREATED, STARTED, new SabotageSubmitted(MATCH, sub("sab-a"), ALICE, 1, T1), validation("sab-a", ALICE, ALICE_BUG, T1))
                .when(verdict("sab-a", Verdict.WA))
                .expectEvents(new SubmissionJudged(MATCH, sub("sab-a"), ALICE, P1, Verdict.WA, 3, 10, null, ALICE_BUG.length(), T1.plusSeconds(1)),
                        new SabotageAccepted(MATCH, sub("sab-a"), ALICE, 1, Verdict.WA, T1.plusSeconds(1)));
    }

    @Test
    void refusedSabotageMayBeRetried() {
        Instant retry = T1.plusSeconds(10);
        fixture.givenCurrentTime(retry)
                .andGiven(CREATED, STARTED, new SabotageRefused(MATCH, sub("sab-a"), ALICE, ErrorCode.SABOTAGE_NO_CHANGE, null, T1))
                .when(sabotage("sab-a2", ALICE, ALICE_BUG))
                .expectEvents(new SabotageSubmitted(MATCH, sub("sab-a2"), ALICE, 1, retry), validation("sab-a2", ALICE, ALICE_BUG, retry));
    }

    @Test
    void cannotSabotageTwiceOnceAccepted() {
        List<Object> given = new java.util.ArrayList<>(List.of(CREATED, STARTED));
        given.addAll(sabotageAccepted("sab-a", ALICE, ALICE_BUG, T1));
        Instant at = T1.plusSeconds(20);
        fixture.givenCurrentTime(at).andGiven(given)
                .when(sabotage("sab-a2", ALICE, BOB_BUG))
                .expectEvents(new SabotageRefused(MATCH, sub("sab-a2"), ALICE, ErrorCode.SABOTAGE_ALREADY_ACCEPTED, null, at));
    }

    @Test
    void cannotSubmitSolutionsInThePhaseOfSabotage() {
        fixture.givenCurrentTime(T1).andGiven(CREATED, STARTED)
                .when(submit("s1", ALICE, P1, REFERENCE))
                .expectEvents(new SubmissionRefused(MATCH, sub("s1"), ALICE, P1, ErrorCode.WRONG_PHASE,
                        "phase 1 takes sabotages, not solutions", T1));
    }

    @Test
    void repairStartsAtOnceWhenBothSabotagesAreAccepted() {
        List<Object> given = new java.util.ArrayList<>(List.of(CREATED, STARTED));
        given.addAll(sabotageAccepted("sab-a", ALICE, ALICE_BUG, T1));
        Instant bobAt = T1.plusSeconds(5);
        Instant now = bobAt.plusSeconds(1);
        given.add(new SabotageSubmitted(MATCH, sub("sab-b"), BOB, 1, bobAt));
        given.add(validation("sab-b", BOB, BOB_BUG, bobAt));
        fixture.givenCurrentTime(now).andGiven(given)
                .when(verdict("sab-b", Verdict.WA))
                .expectEvents(new SubmissionJudged(MATCH, sub("sab-b"), BOB, P1, Verdict.WA, 3, 10, null, BOB_BUG.length(), now),
                        new SabotageAccepted(MATCH, sub("sab-b"), BOB, 1, Verdict.WA, now),
                        new RepairPhaseStarted(MATCH, List.of(new RepairAssignment(ALICE, BOB, Language.PYTHON3, BOB_BUG),
                                new RepairAssignment(BOB, ALICE, Language.PYTHON3, ALICE_BUG)), now, now.plusSeconds(600)));
    }

    @Test
    void playerWithoutAcceptedSabotageHandsOverTheReference() {
        List<Object> given = new java.util.ArrayList<>(List.of(CREATED, STARTED));
        given.addAll(sabotageAccepted("sab-a", ALICE, ALICE_BUG, T1));
        fixture.givenCurrentTime(PHASE1_END).andGiven(given)
                .whenInvoking(MATCH.value(), m -> m.onPeriodEnd(new MatchDeadlines.Period(1), new FixtureClock(() -> PHASE1_END), deadlines(PHASE1_END)))
                .expectEvents(new TimeUp(MATCH, MatchPhase.SABOTAGE, 1, PHASE1_END, PHASE1_END.plusSeconds(30)),
                        new RepairPhaseStarted(MATCH, List.of(new RepairAssignment(ALICE, BOB, Language.PYTHON3, REFERENCE),
                                new RepairAssignment(BOB, ALICE, Language.PYTHON3, ALICE_BUG)), PHASE1_END, REPAIR_END));
    }

    @Test
    void firstAcceptedRepairScoresBasePointsPlusTimeBonus() {
        Instant at = PHASE1_END.plusSeconds(150);
        Instant now = at.plusSeconds(1);
        fixture.givenCurrentTime(now).andGiven(inRepairPhase(received("r-a", ALICE, P1, at, REFERENCE)))
                .when(verdict("r-a", Verdict.AC))
                .expectEvents(judged("r-a", ALICE, P1, Verdict.AC, REFERENCE.length(), now),
                        new ProblemSolved(MATCH, ALICE, P1, sub("r-a"), at),
                        // 450 of 600 s left: 100 + 100 * 450/600
                        new RepairSucceeded(MATCH, ALICE, BOB, sub("r-a"), 175, 450_000, now));
    }

    @Test
    void cannotRepairTwice() {
        Instant at = PHASE1_END.plusSeconds(150);
        Instant now = at.plusSeconds(10);
        fixture.givenCurrentTime(now)
                .andGiven(inRepairPhase(received("r-a", ALICE, P1, at, REFERENCE),
                        judged("r-a", ALICE, P1, Verdict.AC, REFERENCE.length(), at),
                        new ProblemSolved(MATCH, ALICE, P1, sub("r-a"), at),
                        new RepairSucceeded(MATCH, ALICE, BOB, sub("r-a"), 175, 450_000, at)))
                .when(submit("r-a2", ALICE, P1, REFERENCE))
                .expectEvents(new SubmissionRefused(MATCH, sub("r-a2"), ALICE, P1, ErrorCode.ALREADY_SOLVED, null, now));
    }

    @Test
    void matchEndsWhenBothRepaired() {
        Instant aliceAt = PHASE1_END.plusSeconds(150);
        Instant bobAt = PHASE1_END.plusSeconds(300);
        Instant now = bobAt.plusSeconds(1);
        fixture.givenCurrentTime(now)
                .andGiven(inRepairPhase(received("r-a", ALICE, P1, aliceAt, REFERENCE),
                        judged("r-a", ALICE, P1, Verdict.AC, REFERENCE.length(), aliceAt),
                        new ProblemSolved(MATCH, ALICE, P1, sub("r-a"), aliceAt),
                        new RepairSucceeded(MATCH, ALICE, BOB, sub("r-a"), 175, 450_000, aliceAt),
                        received("r-b", BOB, P1, bobAt, REFERENCE)))
                .when(verdict("r-b", Verdict.AC))
                .expectEventsMatching(events(judged("r-b", BOB, P1, Verdict.AC, REFERENCE.length(), now),
                        new ProblemSolved(MATCH, BOB, P1, sub("r-b"), bobAt),
                        new RepairSucceeded(MATCH, BOB, ALICE, sub("r-b"), 150, 300_000, now),
                        ended(EndReason.ALL_REPAIRED, standing(ALICE, 1, 175, null), standing(BOB, 2, 150, null))));
    }

    @Test
    void neverRepairedSabotageScoresForItsAuthor() {
        Instant aliceAt = PHASE1_END.plusSeconds(150);
        fixture.givenCurrentTime(REPAIR_END)
                .andGiven(inRepairPhase(received("r-a", ALICE, P1, aliceAt, REFERENCE),
                        judged("r-a", ALICE, P1, Verdict.AC, REFERENCE.length(), aliceAt),
                        new ProblemSolved(MATCH, ALICE, P1, sub("r-a"), aliceAt),
                        new RepairSucceeded(MATCH, ALICE, BOB, sub("r-a"), 175, 450_000, aliceAt)))
                .whenInvoking(MATCH.value(), m -> m.onPeriodEnd(new MatchDeadlines.Period(2), new FixtureClock(() -> REPAIR_END), deadlines(REPAIR_END)))
                .expectEventsMatching(events(new TimeUp(MATCH, MatchPhase.REPAIR, 2, REPAIR_END, REPAIR_END.plusSeconds(30)),
                        // Alice: 175 for her repair + 50 because Bob never repaired her sabotage
                        ended(EndReason.TIME_UP, standing(ALICE, 1, 225, null), standing(BOB, 2, 0, null))));
    }

    @Test
    void neitherRepairedIsADraw() {
        fixture.givenCurrentTime(REPAIR_END)
                .andGiven(inRepairPhase())
                .whenInvoking(MATCH.value(), m -> m.onPeriodEnd(new MatchDeadlines.Period(2), new FixtureClock(() -> REPAIR_END), deadlines(REPAIR_END)))
                .expectEventsMatching(events(new TimeUp(MATCH, MatchPhase.REPAIR, 2, REPAIR_END, REPAIR_END.plusSeconds(30)),
                        ended(EndReason.TIME_UP, standing(ALICE, 1, 50, null), standing(BOB, 1, 50, null))));
    }

    @Test
    void forfeitHandsTheWinToTheOpponent() {
        fixture.givenCurrentTime(T1).andGiven(CREATED, STARTED)
                .when(new ForfeitMatchCommand(MATCH, ALICE))
                .expectEventsMatching(events(new PlayerForfeited(MATCH, ALICE, T1),
                        ended(EndReason.FORFEIT, standing(BOB, 1, 0, null), new Standing(ALICE, 2, 0, null, true))));
    }
}
