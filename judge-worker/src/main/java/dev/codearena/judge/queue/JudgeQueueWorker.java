package dev.codearena.judge.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.CompileResult;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeProgress;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Verdict;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes judge jobs: at-least-once delivery from the consumer group, exactly one recorded
 * result per submission.
 *
 * <ul>
 *   <li>Each of {@code consumers} threads is its own consumer in the group, reading one job at a
 *       time; several worker processes share the stream the same way.</li>
 *   <li>A running job is heartbeated; a job whose worker stops heartbeating (killed, hung) is
 *       reclaimed by another consumer after the visibility timeout.</li>
 *   <li>The result is written with a per-submission marker and the ack in one atomic step, so a
 *       redelivered job whose result exists is only acked, never judged or published again.</li>
 *   <li>A job delivered more than {@code maxDeliveries} times gets an IE result instead of
 *       another attempt, so a job that kills its workers cannot loop forever.</li>
 * </ul>
 */
public final class JudgeQueueWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JudgeQueueWorker.class);

    private final JudgeJobQueue queue;
    private final JobJudge judge;
    private final JudgeQueueProperties properties;
    private final ObjectMapper json;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService heartbeats;
    private final Map<String, List<String>> inFlight = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    JudgeQueueWorker(JudgeJobQueue queue, JobJudge judge, JudgeQueueProperties properties, ObjectMapper json) {
        this.queue = queue;
        this.judge = judge;
        this.properties = properties;
        this.json = json;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "judge-queue-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the consumer threads and the heartbeat. */
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        if (!judge.available()) {
            log.warn("judge queue worker {} not consuming: the judge is unavailable on this machine", properties.workerId());
            return;
        }
        long beat = properties.heartbeatInterval().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        for (int i = 0; i < properties.consumers(); i++) {
            String consumerName = properties.workerId() + "-" + i;
            Thread thread = new Thread(() -> consume(consumerName), "judge-queue-" + i);
            threads.add(thread);
            thread.start();
        }
        log.info("judge queue worker {} started with {} consumer(s), visibility timeout {}",
                properties.workerId(), properties.consumers(), properties.visibilityTimeout());
    }

    /** Stops taking jobs and waits for the running ones; anything unfinished stays pending. */
    @Override
    public synchronized void close() {
        stopping = true;
        for (Thread thread : threads) {
            try {
                thread.join(properties.visibilityTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeats.shutdownNow();
        threads.clear();
    }

    /** Submission ids being judged right now in this process. */
    public Set<String> runningSubmissions() {
        return Set.copyOf(running);
    }

    private void consume(String consumerName) {
        JudgeJobQueue.Reader reader = null;
        while (!stopping) {
            try {
                if (reader == null) {
                    queue.ensureGroup();
                    reader = queue.openReader(consumerName);
                }
                // Orphans first: they have waited at least a visibility timeout already.
                Optional<StreamMessage<String, String>> entry = reader.reclaim(properties.visibilityTimeout());
                boolean reclaimed = entry.isPresent();
                if (entry.isEmpty()) {
                    entry = reader.readNew(properties.pollTimeout());
                }
                if (entry.isPresent()) {
                    handle(consumerName, entry.get(), reclaimed);
                }
            } catch (RedisException e) {
                log.warn("consumer {}: Redis error, retrying: {}", consumerName, e.toString());
                if (reader != null) {
                    reader.close();
                    reader = null;
                }
                sleepQuietly(properties.pollTimeout().toMillis());
            }
        }
        if (reader != null) {
            reader.close();
        }
    }

    private void handle(String consumerName, StreamMessage<String, String> entry, boolean reclaimed) {
        String entryId = entry.getId();
        Map<String, String> body = entry.getBody();
        String payload = body == null ? null : body.get(JudgeChannels.FIELD_JSON);
        JudgeJob job;
        try {
            job = payload == null ? null : json.readValue(payload, JudgeJob.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn("entry {} is not a judge job, moved to {}: {}", entryId, JudgeJobQueue.DEAD_LETTERS, e.getMessage());
            queue.deadLetter(entryId, body, "unparsable job: " + e.getMessage());
            return;
        }
        if (job == null || job.submissionId() == null || job.submissionId().isBlank()) {
            queue.deadLetter(entryId, body, "job without submissionId");
            return;
        }
        // the instant a job is taken, for the per-submission record of SubmitVerdictBenchmark (argument 0: the submission)
        log.debug("event=judge-job-taken submission={} entry={} consumer={} reclaimed={}", job.submissionId(), entryId,
                consumerName, reclaimed);
        if (queue.resultAlreadyWritten(job.submissionId())) {
            log.info("submission {} already has a result; acking redelivered entry {}", job.submissionId(), entryId);
            queue.ack(entryId);
            return;
        }
        long deliveries = reclaimed ? queue.deliveryCount(entryId) : 1;
        if (deliveries > properties.maxDeliveries()) {
            record(entryId, job, internalError(job, "judging did not complete in " + properties.maxDeliveries()
                    + " attempts (workers stopped or failed while judging it)"));
            return;
        }
        if (reclaimed) {
            log.info("consumer {} reclaimed submission {} (delivery {})", consumerName, job.submissionId(), deliveries);
        }
        inFlight.put(consumerName, List.of(entryId));
        running.add(job.submissionId());
        try {
            JudgeResult result = judge.judge(job, (index, count, test) -> publishProgress(job, index, count, test));
            record(entryId, job, result);
        } catch (Exception e) {
            // Not acked: another delivery (maybe on a healthy worker) will try again.
            log.error("judging submission {} failed; it will be redelivered after {}", job.submissionId(),
                    properties.visibilityTimeout(), e);
        } finally {
            running.remove(job.submissionId());
            inFlight.remove(consumerName);
        }
    }

    private void record(String entryId, JudgeJob job, JudgeResult result) {
        JudgeResult stamped = new JudgeResult(job.submissionId(), job.matchId(), job.playerId(), result.verdict(),
                result.compile(), result.tests(), result.message(), properties.workerId(), job.attempt());
        boolean written = queue.recordResultAndAck(job.submissionId(), toJson(stamped), entryId,
                properties.workerId(), properties.resultMarkerTtl());
        log.info("submission {}: {} {}", job.submissionId(), stamped.verdict(),
                written ? "recorded" : "not recorded (another delivery recorded it first)");
    }

    private void publishProgress(JudgeJob job, int index, int count, dev.codearena.api.judge.TestResult test) {
        try {
            queue.publishProgress(toJson(new JudgeProgress(job.submissionId(), job.matchId(), job.playerId(), index, count, test)));
        } catch (RuntimeException e) {
            // Progress is for live display only; the final result carries every test anyway.
            log.debug("progress of {} not published: {}", job.submissionId(), e.toString());
        }
    }

    private void heartbeat() {
        inFlight.forEach((consumer, entryIds) -> {
            try {
                queue.heartbeat(consumer, entryIds);
            } catch (RuntimeException e) {
                log.warn("heartbeat of {} failed: {}", consumer, e.toString());
            }
        });
    }

    private static JudgeResult internalError(JudgeJob job, String message) {
        return new JudgeResult(job.submissionId(), job.matchId(), job.playerId(), Verdict.IE,
                new CompileResult(false, "", 0, false), List.of(), message, null, job.attempt());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
