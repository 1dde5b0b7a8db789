package dev.codearena.judge.queue;

import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.TestResult;

/**
 * What the queue needs from the judge: turn one job into one result, reporting each test as it
 * finishes. Kept this small so the transport never depends on how judging is done.
 */
@FunctionalInterface
public interface JobJudge {

    /**
     * Judges {@code job}. Throwing means "this worker could not judge it now" (e.g. the sandbox
     * is down): the job stays pending and is redelivered, up to the delivery limit.
     */
    JudgeResult judge(JudgeJob job, TestListener listener) throws Exception;

    /** Whether this worker can judge at all; one that cannot leaves the jobs to other workers. */
    default boolean available() {
        return true;
    }

    /** Receives each finished test, in order, while the job runs. */
    @FunctionalInterface
    interface TestListener {
        void testFinished(int testIndex, int testCount, TestResult result);
    }
}
