package dev.codearena.command.judging;

import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionReceived;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A received submission becomes a {@link JudgeJob} on the job queue; its result comes back as a
 * {@link RecordVerdictCommand} (sent by {@link JudgeResultListener}), and the Match's
 * {@link SubmissionJudged} closes it. Jobs without a result in time are the {@link JudgeJobTimeouts}'
 * business: sent again with the next attempt number, then recorded as IE.
 *
 * <p>Runs in a subscribing processor: in the unit of work and the database transaction of the command
 * that applied the event, right after the event store's append. So the pending job is recorded exactly
 * when the submission is (both commit or neither), and the job is handed to the {@link JudgeJobSender}
 * as soon as that transaction has committed. A crash between the commit and the send loses nothing:
 * the job is pending, and the timeout sends it again.
 *
 * <p>Why not a saga per submission (the first design): a saga costs a saga row, two association rows and
 * a db-scheduler deadline row per submission, each written, read back and deleted, the saga (with the
 * source) serialised every time, and a tracking processor that reads and deserialises every event again
 * in its own transactions; that was more CPU than the command itself (docs/benchmarks.md, "Match
 * engine"). Here a submission costs one insert and one delete in transactions that exist anyway.
 */
@ProcessingGroup(JudgeJobDispatcher.PROCESSING_GROUP)
class JudgeJobDispatcher {

    static final String PROCESSING_GROUP = "judging";

    private final PendingJudgeJobs pending;
    private final JudgeJobSender sender;
    private final JudgingPolicy policy;
    private final Clock clock;

    JudgeJobDispatcher(PendingJudgeJobs pending, JudgeJobSender sender, JudgingPolicy policy, Clock clock) {
        this.pending = pending;
        this.sender = sender;
        this.policy = policy;
        this.clock = clock;
    }

    @EventHandler
    void on(SubmissionReceived event) {
        JudgeJob job = new JudgeJob(event.submissionId().value(), event.matchId().value(), event.playerId().value(),
                event.problemId().value(), event.problemVersion(), event.language(), event.source(),
                event.judge().testsDir(), event.judge().checker(), event.judge().timeLimitMs(), event.judge().memoryMb(),
                true, 1); // stop at the first failing test: match play needs no more, nor does a sabotage validation
        String body = pending.sent(job, clock.instant().plus(policy.resultTimeout()));
        afterCommit(() -> sender.send(body));
    }

    @EventHandler
    void on(SubmissionJudged event) {
        pending.judged(List.of(event.submissionId().value()));
    }

    /** A match that is over takes no more verdicts: nothing left to wait for. */
    @EventHandler
    void on(MatchEnded event) {
        pending.matchesOver(List.of(event.matchId().value()));
    }

    @EventHandler
    void on(MatchCancelled event) {
        pending.matchesOver(List.of(event.matchId().value()));
    }

    /** After the outermost unit of work (the command's) has committed; at once if there is none. */
    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.afterCommit(u -> action.run());
        } else {
            action.run();
        }
    }
}
