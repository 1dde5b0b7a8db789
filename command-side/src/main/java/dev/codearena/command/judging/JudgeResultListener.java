package dev.codearena.command.judging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionId;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reads judge results from {@link JudgeChannels#RESULTS} in the consumer group
 * {@link JudgeChannels#RESULT_GROUP} and turns each into a {@link RecordVerdictCommand}. A result is
 * acknowledged (XACK) only after the command went through, so a crash redelivers it: on start the
 * consumer first re-reads its own pending entries. The Match records one verdict per submission, so a
 * redelivered result is harmless. Results nobody can use (unknown match, bad JSON) are logged and
 * acknowledged so they cannot block the stream.
 */
class JudgeResultListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JudgeResultListener.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final CommandGateway commands;
    private final String consumerName;
    private volatile boolean running;
    private Thread worker;

    JudgeResultListener(StringRedisTemplate redis, ObjectMapper json, CommandGateway commands, String consumerName) {
        this.redis = redis;
        this.json = json;
        this.commands = commands;
        this.consumerName = consumerName;
    }

    @Override
    public void start() {
        ensureGroup();
        running = true;
        worker = new Thread(this::run, "judge-results-" + consumerName);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon (whose command bus we need), before nothing else in particular. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void ensureGroup() {
        try {
            redis.opsForStream().createGroup(JudgeChannels.RESULTS, ReadOffset.from("0"), JudgeChannels.RESULT_GROUP);
        } catch (RedisSystemException e) {
            if (!String.valueOf(e.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /**
     * Reads through one connection of its own, kept for the listener's life. Through the template, each
     * blocking XREADGROUP ran on a dedicated connection opened for that one call and closed after it (Spring
     * Data Redis does so for blocking commands when the connection factory has no pool): a TCP connect and
     * handshake before every read, i.e. after every result and every idle second.
     */
    private void run() {
        Consumer consumer = Consumer.from(JudgeChannels.RESULT_GROUP, consumerName);
        boolean backlog = true; // first our own unacknowledged entries (from before a crash), then new ones
        StringRedisConnection connection = null;
        try {
            while (running) {
                try {
                    if (connection == null) {
                        connection = new DefaultStringRedisConnection(redis.getRequiredConnectionFactory().getConnection());
                    }
                    StreamOffset<String> offset = StreamOffset.create(JudgeChannels.RESULTS,
                            backlog ? ReadOffset.from("0") : ReadOffset.lastConsumed());
                    StreamReadOptions options = backlog ? StreamReadOptions.empty().count(64)
                            : StreamReadOptions.empty().count(64).block(Duration.ofSeconds(1));
                    List<StringRecord> records = connection.xReadGroupAsString(consumer, options, offset);
                    if (records == null || records.isEmpty()) {
                        backlog = false;
                        continue;
                    }
                    for (StringRecord record : records) {
                        handle(record);
                    }
                } catch (Exception e) {
                    if (!running) {
                        return;
                    }
                    log.warn("reading or recording judge results failed; re-reading unacknowledged ones", e);
                    backlog = true;
                    connection = closeQuietly(connection);
                    sleep();
                }
            }
        } finally {
            closeQuietly(connection);
        }
    }

    private static StringRedisConnection closeQuietly(StringRedisConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("closing the judge result connection failed: {}", e.toString());
            }
        }
        return null;
    }

    private void handle(StringRecord record) {
        String body = record.getValue().get(JudgeChannels.FIELD_JSON);
        try {
            JudgeResult result = json.readValue(String.valueOf(body), JudgeResult.class);
            // the instant a result is read, for the per-submission record of SubmitVerdictBenchmark (argument 0: the submission)
            log.debug("event=judge-result-read submission={} entry={}", result.submissionId(), record.getId());
            if (result.matchId() != null) {
                commands.sendAndWait(new RecordVerdictCommand(MatchId.of(result.matchId()), SubmissionId.of(result.submissionId()),
                        result.verdict(), result.compile() == null || result.compile().success(),
                        passed(result), result.tests() == null ? 0 : result.tests().size(), result.message(), result.attempt()));
            }
        } catch (CodeArenaException | AggregateNotFoundException | com.fasterxml.jackson.core.JsonProcessingException
                 | IllegalArgumentException e) {
            log.warn("dropping judge result {} ({}): {}", record.getId(), body, e.toString());
        }
        redis.opsForStream().acknowledge(JudgeChannels.RESULTS, JudgeChannels.RESULT_GROUP, record.getId());
    }

    private static int passed(JudgeResult result) {
        return result.tests() == null ? 0 : (int) result.tests().stream().filter(t -> t.verdict().accepted()).count();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
