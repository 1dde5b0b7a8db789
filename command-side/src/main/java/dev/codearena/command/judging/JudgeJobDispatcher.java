package dev.codearena.command.judging;

import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionReceived;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>Why not a saga per submission: a saga costs a saga row, two association rows and a db-scheduler
 * deadline row per submission, each written, read back and deleted, plus serialising the saga (with the
 * source) every time; that was most of the CPU a submission cost (docs/benchmarks.md, "Match engine").
 * Here the work of a whole batch of events is one batched insert and one delete in the processor's own
 * transaction (with its token, so an event delivered twice records its job once), and the jobs go to
 * the queue in one pipelined round trip once that transaction has committed. A crash between the commit
 * and the send loses nothing: the job is recorded as pending, and the timeout sends it again.
 */
@ProcessingGroup(JudgeJobDispatcher.PROCESSING_GROUP)
class JudgeJobDispatcher {

    static final String PROCESSING_GROUP = "judging";
    private static final String BATCH = JudgeJobDispatcher.class.getName() + ".batch";

    private final PendingJudgeJobs pending;
    private final JudgeJobPublisher publisher;
    private final JudgingPolicy policy;
    private final Clock clock;

    JudgeJobDispatcher(PendingJudgeJobs pending, JudgeJobPublisher publisher, JudgingPolicy policy, Clock clock) {
        this.pending = pending;
        this.publisher = publisher;
        this.policy = policy;
        this.clock = clock;
    }

    @EventHandler
    void on(SubmissionReceived event) {
        JudgeJob job = new JudgeJob(event.submissionId().value(), event.matchId().value(), event.playerId().value(),
                event.problemId().value(), event.problemVersion(), event.language(), event.source(),
                event.judge().testsDir(), event.judge().checker(), event.judge().timeLimitMs(), event.judge().memoryMb(),
                true, 1); // stop at the first failing test: match play needs no more, nor does a sabotage validation
        batch().received.put(job.submissionId(), job);
    }

    @EventHandler
    void on(SubmissionJudged event) {
        batch().judged.add(event.submissionId().value());
    }

    /** A match that is over takes no more verdicts: nothing left to wait for. */
    @EventHandler
    void on(MatchEnded event) {
        batch().matchesOver.add(event.matchId().value());
    }

    @EventHandler
    void on(MatchCancelled event) {
        batch().matchesOver.add(event.matchId().value());
    }

    /** The work of the current batch of events, done once when the batch commits. */
    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> batch.store());
            unitOfWork.afterCommit(u -> batch.send());
            return batch;
        });
    }

    private final class Batch {
        final Map<String, JudgeJob> received = new LinkedHashMap<>();
        final Set<String> judged = new LinkedHashSet<>();
        final Set<String> matchesOver = new LinkedHashSet<>();

        /** In event order: a job judged (or whose match ended) in the same batch is recorded and closed at once. */
        void store() {
            var dueAt = clock.instant().plus(policy.resultTimeout());
            pending.sent(received.values().stream().map(job -> new PendingJudgeJobs.Pending(job, dueAt)).toList());
            pending.judged(judged);
            pending.matchesOver(matchesOver);
        }

        void send() {
            List<JudgeJob> open = new ArrayList<>();
            for (JudgeJob job : received.values()) {
                if (!judged.contains(job.submissionId()) && !matchesOver.contains(job.matchId())) {
                    open.add(job);
                }
            }
            if (!open.isEmpty()) {
                publisher.publishAll(open);
            }
        }
    }
}
