package dev.codearena.command.judging;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.SubmissionReceived;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * One submission's way through the judge: {@link SubmissionReceived} becomes a {@link JudgeJob} on the
 * job queue; the result comes back as a {@link RecordVerdictCommand} (sent by {@link JudgeResultListener})
 * and the Match's {@link SubmissionJudged} ends the saga. If no result arrives in time the job is sent
 * again with the next attempt number; after the last attempt the saga records IE itself. Sabotage
 * validations are ordinary jobs that stop at the first failing test: the Match knows from the
 * submission id what the verdict means.
 */
@Saga
@ProcessingGroup(JudgingSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class JudgingSaga {

    public static final String PROCESSING_GROUP = "judging";
    static final String SUBMISSION = "submissionId";
    static final String MATCH = "matchId";
    static final String RESULT_TIMEOUT = "judge-result-timeout";

    private MatchId matchId;
    private SubmissionId submissionId;
    private JudgeJob job;
    private String timeoutId;

    @StartSaga
    @SagaEventHandler(associationProperty = SUBMISSION)
    void on(SubmissionReceived event, JudgeJobPublisher publisher, DeadlineManager deadlines, JudgingPolicy policy) {
        matchId = event.matchId();
        submissionId = event.submissionId();
        job = new JudgeJob(event.submissionId().value(), event.matchId().value(), event.playerId().value(),
                event.problemId().value(), event.problemVersion(), event.language(), event.source(),
                event.judge().testsDir(), event.judge().checker(), event.judge().timeLimitMs(), event.judge().memoryMb(),
                true, 1); // stop at the first failing test: match play needs no more, nor does a sabotage validation
        SagaLifecycle.associateWith(MATCH, event.matchId().value());
        publisher.publish(job);
        timeoutId = deadlines.schedule(policy.resultTimeout(), RESULT_TIMEOUT, new ResultTimeout(job.attempt()));
    }

    @DeadlineHandler(deadlineName = RESULT_TIMEOUT)
    void onResultTimeout(ResultTimeout timeout, JudgeJobPublisher publisher, DeadlineManager deadlines,
                         CommandGateway commands, JudgingPolicy policy) {
        if (timeout.attempt() != job.attempt()) {
            return; // a timeout of an earlier attempt that fired around a restart
        }
        if (job.attempt() < policy.maxAttempts()) {
            job = new JudgeJob(job.submissionId(), job.matchId(), job.playerId(), job.problemId(), job.problemVersion(),
                    job.language(), job.source(), job.testsDir(), job.checker(), job.timeLimitMs(), job.memoryMb(),
                    job.stopOnFirstFailure(), job.attempt() + 1);
            publisher.publish(job);
            timeoutId = deadlines.schedule(policy.resultTimeout(), RESULT_TIMEOUT, new ResultTimeout(job.attempt()));
        } else {
            timeoutId = null;
            commands.send(new RecordVerdictCommand(matchId, submissionId, Verdict.IE, false, 0, 0,
                    "no result from the judge after " + job.attempt() + " attempts", job.attempt()));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SUBMISSION)
    void on(SubmissionJudged event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    /** A match that is over takes no more verdicts: nothing left to wait for. */
    @EndSaga
    @SagaEventHandler(associationProperty = MATCH)
    void on(MatchEnded event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = MATCH)
    void on(MatchCancelled event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    /** Deadline payload: which attempt timed out. */
    record ResultTimeout(int attempt) {
    }

    private void cancelTimeout(DeadlineManager deadlines) {
        if (timeoutId != null) {
            deadlines.cancelSchedule(RESULT_TIMEOUT, timeoutId);
        }
    }
}
