package dev.codearena.command.judging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JudgingSagaTest {

    static final MatchId MATCH = MatchId.of("m-1");
    static final SubmissionId SUB = SubmissionId.of("s-1");
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final JudgeSpec SPEC = new JudgeSpec("p1/v1/tests", CheckerSpec.TOKENS, 1000, 256);
    static final SubmissionReceived RECEIVED = new SubmissionReceived(MATCH, SUB, PlayerId.of("alice"), ProblemId.of("p1"), 3,
            SubmissionKind.SOLUTION, Language.CPP17, "int main(){}", 12, SPEC, T0);
    static final JudgeJob JOB = new JudgeJob("s-1", "m-1", "alice", "p1", 3, Language.CPP17, "int main(){}", "p1/v1/tests",
            CheckerSpec.TOKENS, 1000, 256, true, 1);

    private final List<JudgeJob> published = new CopyOnWriteArrayList<>();
    private SagaTestFixture<JudgingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(JudgingSaga.class);
        fixture.registerResource((JudgeJobPublisher) published::add);
        fixture.registerResource(new JudgingPolicy(Duration.ofSeconds(30), 2));
    }

    static JudgeJob attempt(int attempt) {
        return new JudgeJob(JOB.submissionId(), JOB.matchId(), JOB.playerId(), JOB.problemId(), JOB.problemVersion(), JOB.language(),
                JOB.source(), JOB.testsDir(), JOB.checker(), JOB.timeLimitMs(), JOB.memoryMb(), JOB.stopOnFirstFailure(), attempt);
    }

    @Test
    void receivedSubmissionBecomesAJudgeJob() {
        fixture.givenNoPriorActivity()
                .whenAggregate(MATCH.value()).publishes(RECEIVED)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), JudgingSaga.RESULT_TIMEOUT)
                .expectNoDispatchedCommands();
        assertThat(published).containsExactly(JOB);
    }

    @Test
    void jobWithoutResultIsSentAgainWithTheNextAttempt() {
        fixture.givenAggregate(MATCH.value()).published(RECEIVED)
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), JudgingSaga.RESULT_TIMEOUT)
                .expectNoDispatchedCommands();
        assertThat(published).containsExactly(JOB, attempt(2));
    }

    @Test
    void afterTheLastAttemptTheSubmissionIsRecordedAsInternalError() {
        fixture.givenAggregate(MATCH.value()).published(RECEIVED)
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectDispatchedCommands(new RecordVerdictCommand(MATCH, SUB, Verdict.IE, false, 0, 0,
                        "no result from the judge after 2 attempts", 2))
                .expectNoScheduledDeadlines();
        assertThat(published).containsExactly(JOB, attempt(2));
    }

    @Test
    void verdictEndsTheSagaAndItsTimeout() {
        fixture.givenAggregate(MATCH.value()).published(RECEIVED)
                .whenAggregate(MATCH.value()).publishes(new SubmissionJudged(MATCH, SUB, PlayerId.of("alice"), ProblemId.of("p1"),
                        Verdict.AC, 10, 10, null, 12, T0.plusSeconds(1)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void endOfTheMatchEndsPendingJudging() {
        fixture.givenAggregate(MATCH.value()).published(RECEIVED)
                .whenAggregate(MATCH.value()).publishes(new MatchEnded(MATCH, MatchMode.BLITZ, EndReason.TIME_UP, List.of(), List.of(), T0))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
