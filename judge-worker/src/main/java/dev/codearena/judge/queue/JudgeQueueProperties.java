package dev.codearena.judge.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the judge job consumer ({@code codearena.judge.queue.*}).
 *
 * @param enabled           whether this process consumes judge jobs (off for the CLI and tools)
 * @param consumers         concurrent jobs in this process; each is one consumer in the group.
 *                          0 (the default) means one per core: a job spends part of its time on
 *                          one core (syntax check or compile, opening sessions, writing the
 *                          result), so a second job keeps the other cores busy instead of
 *                          waiting behind it. Every test is charged its own process's CPU time,
 *                          so jobs sharing the cores do not change each other's verdicts; the
 *                          wall-clock limit (2 × CPU limit + 1 s) absorbs the sharing
 * @param visibilityTimeout how long a job may go without a heartbeat before another worker
 *                          reclaims it; a worker heartbeats its running jobs every third of it,
 *                          so a long job is never stolen from a live worker
 * @param maxDeliveries     deliveries after which a job is answered with IE instead of run again
 * @param resultMarkerTtl   how long a submission's "result written" marker is kept; it must
 *                          outlive any redelivery of the same job
 * @param pollTimeout       how long one XREADGROUP blocks; bounds how fast reclaims and
 *                          shutdown are noticed
 * @param workerId          name of this worker process in results and consumer names
 *                          (defaults to host-pid)
 */
@ConfigurationProperties("codearena.judge.queue")
public record JudgeQueueProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0") int consumers,
        @DefaultValue("30s") Duration visibilityTimeout,
        @DefaultValue("3") int maxDeliveries,
        @DefaultValue("7d") Duration resultMarkerTtl,
        @DefaultValue("1s") Duration pollTimeout,
        String workerId) {

    public JudgeQueueProperties {
        if (consumers < 0) {
            throw new IllegalArgumentException("codearena.judge.queue.consumers must be >= 0 (0: one per core), was " + consumers);
        }
        if (consumers == 0) {
            consumers = Runtime.getRuntime().availableProcessors();
        }
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("codearena.judge.queue.max-deliveries must be >= 1, was " + maxDeliveries);
        }
        if (visibilityTimeout.toMillis() < 300) {
            throw new IllegalArgumentException("codearena.judge.queue.visibility-timeout must be >= 300ms, was " + visibilityTimeout);
        }
        if (workerId == null || workerId.isBlank()) {
            workerId = defaultWorkerId();
        }
    }

    Duration heartbeatInterval() {
        return visibilityTimeout.dividedBy(3);
    }

    static String defaultWorkerId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "worker";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
