package dev.codearena.judge.queue;

import dev.codearena.api.judge.JudgeChannels;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Redis side of judge jobs: the consumer group on {@link JudgeChannels#JOBS}, reclaiming
 * jobs of dead workers, heartbeats, and recording a result exactly once per submission.
 *
 * <p>Blocking reads get a connection of their own per consumer ({@link #openReader}); every other
 * command goes through one shared, thread-safe connection.
 */
final class JudgeJobQueue implements AutoCloseable {

    /** Jobs that cannot even be parsed go here with the reason, instead of being dropped. */
    static final String DEAD_LETTERS = "codearena:judge:dead-letters";
    /** Prefix of the per-submission marker that makes recording a result idempotent. */
    static final String RESULT_MARKER_PREFIX = "codearena:judge:result-written:";

    /**
     * Atomically: claim the submission's result marker, append the result only if the marker was
     * new, and acknowledge the job either way. Doing all three in one script means a crash can
     * never leave a result without its ack being possible, nor an ack without a result.
     */
    private static final String RECORD_RESULT_SCRIPT = """
            local written = 0
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              redis.call('XADD', KEYS[2], '*', ARGV[3], ARGV[4], 'submissionId', ARGV[5])
              written = 1
            end
            redis.call('XACK', KEYS[3], ARGV[6], ARGV[7])
            return written
            """;

    private final RedisClient client;
    private StatefulRedisConnection<String, String> shared;

    JudgeJobQueue(RedisClient client) {
        this.client = client;
    }

    /**
     * The shared connection, opened on first use so that a worker starts (and reports its health)
     * while Redis is still down; Lettuce reconnects it by itself afterwards.
     */
    private synchronized RedisCommands<String, String> commands() {
        if (shared == null) {
            shared = client.connect();
        }
        return shared.sync();
    }

    /** Creates the stream and the worker group if missing (XGROUP CREATE … MKSTREAM). */
    void ensureGroup() {
        try {
            commands().xgroupCreate(XReadArgs.StreamOffset.from(JudgeChannels.JOBS, "0-0"),
                    JudgeChannels.WORKER_GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException alreadyExists) {
            // BUSYGROUP: another worker created it first.
        }
    }

    /**
     * A consumer's own connection. The consumer is registered right away (XGROUP CREATECONSUMER)
     * rather than at its first delivery, so XINFO CONSUMERS shows idle workers too.
     */
    Reader openReader(String consumerName) {
        Consumer<String> consumer = Consumer.from(JudgeChannels.WORKER_GROUP, consumerName);
        commands().xgroupCreateconsumer(JudgeChannels.JOBS, consumer);
        return new Reader(client.connect(), consumer);
    }

    /** Appends a job; used by producers and tests (the judging saga writes the same shape). */
    String enqueue(String jobJson) {
        return commands().xadd(JudgeChannels.JOBS, JudgeChannels.FIELD_JSON, jobJson);
    }

    /** How many times the entry has been delivered, or 0 when it is no longer pending. */
    long deliveryCount(String entryId) {
        List<PendingMessage> pending = commands().xpending(JudgeChannels.JOBS, JudgeChannels.WORKER_GROUP,
                Range.create(entryId, entryId), Limit.from(1));
        return pending.isEmpty() ? 0 : pending.get(0).getRedeliveryCount();
    }

    /**
     * Resets the idle time of entries this consumer is still working on, so that reclaiming
     * (which looks at idle time) only ever takes jobs of workers that stopped. JUSTID keeps the
     * delivery count unchanged.
     */
    void heartbeat(String consumerName, List<String> entryIds) {
        if (!entryIds.isEmpty()) {
            commands().xclaim(JudgeChannels.JOBS, Consumer.from(JudgeChannels.WORKER_GROUP, consumerName),
                    XClaimArgs.Builder.justid().minIdleTime(0), entryIds.toArray(String[]::new));
        }
    }

    boolean resultAlreadyWritten(String submissionId) {
        return commands().exists(RESULT_MARKER_PREFIX + submissionId) > 0;
    }

    /**
     * Records the result of {@code submissionId} unless one was recorded before, and acks the
     * job entry. Returns whether this call wrote the result.
     */
    boolean recordResultAndAck(String submissionId, String resultJson, String entryId, String workerId, Duration markerTtl) {
        Long written = commands().eval(RECORD_RESULT_SCRIPT, ScriptOutputType.INTEGER,
                new String[] {RESULT_MARKER_PREFIX + submissionId, JudgeChannels.RESULTS, JudgeChannels.JOBS},
                workerId, Long.toString(markerTtl.toMillis()), JudgeChannels.FIELD_JSON, resultJson, submissionId,
                JudgeChannels.WORKER_GROUP, entryId);
        return written != null && written == 1L;
    }

    void ack(String entryId) {
        commands().xack(JudgeChannels.JOBS, JudgeChannels.WORKER_GROUP, entryId);
    }

    void deadLetter(String entryId, Map<String, String> body, String reason) {
        commands().xadd(DEAD_LETTERS, "entryId", entryId, "reason", reason,
                "json", String.valueOf(body == null ? null : body.get(JudgeChannels.FIELD_JSON)));
        ack(entryId);
    }

    void publishProgress(String progressJson) {
        commands().publish(JudgeChannels.PROGRESS, progressJson);
    }

    @Override
    public synchronized void close() {
        if (shared != null) {
            shared.close();
        }
    }

    /** One consumer's blocking connection: new entries, and entries reclaimed from dead consumers. */
    static final class Reader implements AutoCloseable {
        private final StatefulRedisConnection<String, String> connection;
        private final Consumer<String> consumer;
        private String reclaimCursor = "0-0";

        private Reader(StatefulRedisConnection<String, String> connection, Consumer<String> consumer) {
            this.connection = connection;
            this.consumer = consumer;
        }

        String consumerName() {
            return consumer.getName();
        }

        /** At most one never-delivered entry, waiting up to {@code block} for it. */
        Optional<StreamMessage<String, String>> readNew(Duration block) {
            List<StreamMessage<String, String>> messages = connection.sync().xreadgroup(consumer,
                    XReadArgs.Builder.block(block).count(1), XReadArgs.StreamOffset.lastConsumed(JudgeChannels.JOBS));
            return messages == null || messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(0));
        }

        /**
         * Takes over at most one entry that has gone without a heartbeat for {@code minIdle}
         * (its worker died or hung). XAUTOCLAIM increments its delivery count.
         */
        Optional<StreamMessage<String, String>> reclaim(Duration minIdle) {
            ClaimedMessages<String, String> claimed = connection.sync().xautoclaim(JudgeChannels.JOBS,
                    XAutoClaimArgs.Builder.xautoclaim(consumer, minIdle, reclaimCursor).count(1));
            reclaimCursor = claimed.getId() == null ? "0-0" : claimed.getId();
            return claimed.getMessages().stream().findFirst();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
