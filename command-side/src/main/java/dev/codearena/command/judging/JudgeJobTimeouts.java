package dev.codearena.command.judging;

import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs whose result is overdue: sent again with the next attempt number until
 * {@link JudgingPolicy#maxAttempts()}, then recorded as IE (never a loss for the player). Runs as one
 * persistent db-scheduler recurring task ({@link JudgingConfiguration}), so it survives restarts and
 * runs on one instance at a time; the pending jobs themselves are rows ({@link PendingJudgeJobs}). A
 * result is therefore re-requested between {@code resultTimeout} and {@code resultTimeout + sweep
 * interval} after the job was sent.
 */
class JudgeJobTimeouts {

    private static final Logger log = LoggerFactory.getLogger(JudgeJobTimeouts.class);
    static final int SWEEP_LIMIT = 500;

    private final PendingJudgeJobs pending;
    private final JudgeJobPublisher publisher;
    private final CommandGateway commands;
    private final JudgingPolicy policy;
    private final Clock clock;

    JudgeJobTimeouts(PendingJudgeJobs pending, JudgeJobPublisher publisher, CommandGateway commands, JudgingPolicy policy,
                     Clock clock) {
        this.pending = pending;
        this.publisher = publisher;
        this.commands = commands;
        this.policy = policy;
        this.clock = clock;
    }

    /** @return how many overdue jobs were handled */
    int sweep() {
        Instant now = clock.instant();
        List<JudgeJob> overdue = pending.overdue(now, SWEEP_LIMIT);
        Instant nextDue = now.plus(policy.resultTimeout());
        for (JudgeJob job : overdue) {
            if (job.attempt() < policy.maxAttempts()) {
                JudgeJob again = new JudgeJob(job.submissionId(), job.matchId(), job.playerId(), job.problemId(),
                        job.problemVersion(), job.language(), job.source(), job.testsDir(), job.checker(), job.timeLimitMs(),
                        job.memoryMb(), job.stopOnFirstFailure(), job.attempt() + 1);
                publisher.publish(again); // then recorded: a crash in between sends this attempt again, never skips it
                pending.resent(again, nextDue);
            } else {
                // Stays pending until SubmissionJudged (or the match's end) closes it: a failed command is retried.
                pending.resent(job, nextDue);
                commands.send(new RecordVerdictCommand(MatchId.of(job.matchId()), SubmissionId.of(job.submissionId()), Verdict.IE,
                        false, 0, 0, "no result from the judge after " + job.attempt() + " attempts", job.attempt()))
                        .exceptionally(failure -> {
                            log.warn("event=judge-ie-not-recorded submission={} cause={}", job.submissionId(), failure.toString());
                            return null;
                        });
            }
        }
        return overdue.size();
    }
}
