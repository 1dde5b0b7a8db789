package dev.codearena.arena.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.live.LiveKeys;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionReceived;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.Disposable;

/**
 * The per-submission record of {@link SubmitVerdictBenchmark}: every instant of a submission's way
 * that can be had without changing what is measured, on one clock (the machine's wall clock, µs since
 * the benchmark's start), one CSV line per measured submission.
 * <ul>
 *   <li>client (the benchmark's WebSocket clients): send, {@code match:submitted} reply, first and last
 *       per-test {@code match:verdict}, final {@code match:verdict};</li>
 *   <li>event store: the {@code timestamp} of {@code SubmissionReceived} and {@code SubmissionJudged}
 *       (taken when the Match aggregate applied them, before the commit) and their global index; and the
 *       instant their transaction committed (an event bus subscriber, called in the publishing unit of
 *       work, registers an after-commit callback: nothing but a map entry per event);</li>
 *   <li>Redis: the millisecond clock in the entry ids of the judge job ({@link JudgeChannels#JOBS},
 *       the first attempt's and how many attempts) and of the result ({@link JudgeChannels#RESULTS});</li>
 *   <li>the judge worker's and the result listener's DEBUG lines {@code event=judge-job-taken} and
 *       {@code event=judge-result-read} (their logger is switched to DEBUG for the run, into this
 *       recorder only);</li>
 *   <li>the live-views projection's publication of the final verdict on the match channel, as this
 *       JVM's own pattern subscription receives it.</li>
 * </ul>
 */
final class SubmissionTimeline implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKER_LOGGER = "dev.codearena.judge.queue.JudgeQueueWorker";
    private static final String LISTENER_LOGGER = "dev.codearena.command.judging.JudgeResultListener";

    /** The instants, in order of the submission's way; a stage is the time from one to the next present one. */
    enum Mark {
        SENT, RECEIVED_EVENT, RECEIVED_COMMITTED, ACK, JOB_XADD, JOB_TAKEN, FIRST_TEST, LAST_TEST, RESULT_XADD, RESULT_READ,
        JUDGED_EVENT, JUDGED_COMMITTED, LIVE_PUBLISHED, FINAL
    }

    private final long startNanos = System.nanoTime();
    private final long startEpochMicros = epochMicros(Instant.now());
    private final Map<String, Long> jobTaken = new ConcurrentHashMap<>();
    private final Map<String, Long> resultRead = new ConcurrentHashMap<>();
    private final Map<String, Long> livePublished = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedCommitted = new ConcurrentHashMap<>();
    private final Map<String, Long> judgedCommitted = new ConcurrentHashMap<>();
    private final Registration commits;
    private final StringRedisTemplate redis;
    private final long connectionsAtStart;
    private final List<Logger> tapped = new ArrayList<>();
    private final Disposable channels;
    private final AppenderBase<ILoggingEvent> tap = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            Object[] args = event.getArgumentArray();
            if (args == null || args.length == 0) {
                return;
            }
            String message = event.getMessage();
            if (message.startsWith("event=judge-job-taken")) {
                jobTaken.putIfAbsent(String.valueOf(args[0]), epochMicros(event.getInstant()));
            } else if (message.startsWith("event=judge-result-read")) {
                resultRead.putIfAbsent(String.valueOf(args[0]), epochMicros(event.getInstant()));
            }
        }
    };

    SubmissionTimeline(ReactiveStringRedisTemplate reactiveRedis, EventBus events, StringRedisTemplate redis) {
        this.redis = redis;
        this.connectionsAtStart = connectionsReceived();
        // Called while the publishing unit of work prepares to commit: the instant its transaction committed.
        commits = events.subscribe(messages -> {
            for (EventMessage<?> message : messages) {
                Map<String, Long> committed = message.getPayload() instanceof SubmissionReceived ? receivedCommitted
                        : message.getPayload() instanceof SubmissionJudged ? judgedCommitted : null;
                if (committed != null && CurrentUnitOfWork.isStarted()) {
                    String id = message.getPayload() instanceof SubmissionReceived r ? r.submissionId().value()
                            : ((SubmissionJudged) message.getPayload()).submissionId().value();
                    CurrentUnitOfWork.get().root().afterCommit(u -> committed.putIfAbsent(id, nowMicros()));
                }
            }
        });
        tap.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        tap.start();
        for (String name : List.of(WORKER_LOGGER, LISTENER_LOGGER)) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false); // into this recorder only, not the console
            logger.addAppender(tap);
            tapped.add(logger);
        }
        channels = reactiveRedis.listenToPattern(LiveKeys.MATCH_CHANNEL_PATTERN).subscribe(message -> {
            long now = nowMicros();
            String body = message.getMessage();
            if (!body.contains("\"match:verdict\"")) {
                return;
            }
            try {
                JsonNode node = JSON.readTree(body);
                JsonNode payload = node.path("payload");
                if (!payload.has("stage")) {
                    livePublished.putIfAbsent(payload.path("submissionId").asText(), now);
                }
            } catch (IOException e) {
                // not ours to judge: the gateway relays it verbatim
            }
        });
    }

    /** µs since the start of the record, on the wall clock, from a {@link System#nanoTime()} instant. */
    long clientMicros(long nanoTime) {
        return nanoTime == 0 ? -1 : TimeUnit.NANOSECONDS.toMicros(nanoTime - startNanos);
    }

    private long nowMicros() {
        return clientMicros(System.nanoTime());
    }

    private long serverMicros(long epochMicros) {
        return epochMicros - startEpochMicros;
    }

    private static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** One measured submission as the client saw it. */
    record ClientSide(String phase, String player, String submissionId, int tests, long sent, long ack, long firstTest,
                      long lastTest, long finalVerdict) {
    }

    /** A submission's instants (µs since the start of the record, -1 when unknown) and its global event indexes. */
    record Line(ClientSide client, long[] marks, int jobAttempts, long receivedIndex, long judgedIndex) {

        long total() {
            return marks[Mark.FINAL.ordinal()] - marks[Mark.SENT.ordinal()];
        }

        /** The stage that took longest: from the previous known instant to this mark. */
        Mark slowestStage() {
            Mark slowest = null;
            long longest = Long.MIN_VALUE;
            long previous = marks[0];
            for (Mark m : Mark.values()) {
                if (m == Mark.SENT || marks[m.ordinal()] < 0) {
                    continue;
                }
                long took = marks[m.ordinal()] - previous;
                if (took > longest) {
                    longest = took;
                    slowest = m;
                }
                previous = Math.max(previous, marks[m.ordinal()]);
            }
            return slowest;
        }

        String stages() {
            StringBuilder out = new StringBuilder();
            long previous = marks[0];
            for (Mark m : Mark.values()) {
                if (m == Mark.SENT || marks[m.ordinal()] < 0) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, " %s %+.1f", m.name().toLowerCase(Locale.ROOT),
                        (marks[m.ordinal()] - previous) / 1000.0));
                previous = Math.max(previous, marks[m.ordinal()]);
            }
            return out.toString().trim();
        }
    }

    /** Joins the client's instants with the server's (event store, Redis streams, log lines, channel). */
    List<Line> collect(List<ClientSide> submissions, JdbcTemplate jdbc) {
        Map<String, long[]> received = events(jdbc, "dev.codearena.api.match.SubmissionReceived");
        Map<String, long[]> judged = events(jdbc, "dev.codearena.api.match.SubmissionJudged");
        Map<String, Long> jobs = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        for (MapRecord<String, Object, Object> entry : range(redis, JudgeChannels.JOBS)) {
            try {
                String id = JSON.readTree(String.valueOf(entry.getValue().get(JudgeChannels.FIELD_JSON))).path("submissionId").asText();
                jobs.putIfAbsent(id, serverMicros(entryMillis(entry) * 1000));
                attempts.merge(id, 1, Integer::sum);
            } catch (IOException e) {
                // not a job: skipped
            }
        }
        Map<String, Long> results = new HashMap<>();
        for (MapRecord<String, Object, Object> entry : range(redis, JudgeChannels.RESULTS)) {
            results.putIfAbsent(String.valueOf(entry.getValue().get("submissionId")), serverMicros(entryMillis(entry) * 1000));
        }
        List<Line> lines = new ArrayList<>();
        for (ClientSide c : submissions) {
            long[] marks = new long[Mark.values().length];
            String id = c.submissionId();
            marks[Mark.SENT.ordinal()] = clientMicros(c.sent());
            marks[Mark.ACK.ordinal()] = clientMicros(c.ack());
            marks[Mark.RECEIVED_EVENT.ordinal()] = received.containsKey(id) ? serverMicros(received.get(id)[0]) : -1;
            marks[Mark.RECEIVED_COMMITTED.ordinal()] = receivedCommitted.getOrDefault(id, -1L);
            marks[Mark.JUDGED_COMMITTED.ordinal()] = judgedCommitted.getOrDefault(id, -1L);
            marks[Mark.JOB_XADD.ordinal()] = jobs.getOrDefault(id, -1L);
            marks[Mark.JOB_TAKEN.ordinal()] = jobTaken.containsKey(id) ? serverMicros(jobTaken.get(id)) : -1;
            marks[Mark.FIRST_TEST.ordinal()] = clientMicros(c.firstTest());
            marks[Mark.LAST_TEST.ordinal()] = clientMicros(c.lastTest());
            marks[Mark.RESULT_XADD.ordinal()] = results.getOrDefault(id, -1L);
            marks[Mark.RESULT_READ.ordinal()] = resultRead.containsKey(id) ? serverMicros(resultRead.get(id)) : -1;
            marks[Mark.JUDGED_EVENT.ordinal()] = judged.containsKey(id) ? serverMicros(judged.get(id)[0]) : -1;
            marks[Mark.LIVE_PUBLISHED.ordinal()] = livePublished.getOrDefault(id, -1L);
            marks[Mark.FINAL.ordinal()] = clientMicros(c.finalVerdict());
            lines.add(new Line(c, marks, attempts.getOrDefault(id, 0),
                    received.containsKey(id) ? received.get(id)[1] : -1, judged.containsKey(id) ? judged.get(id)[1] : -1));
        }
        return lines;
    }

    /** Writes the CSV (instants in ms since the record's start, then each stage's duration in ms). */
    static void write(Path file, List<Line> lines) throws IOException {
        StringBuilder csv = new StringBuilder("phase,player,submission,tests,job_attempts,received_global_index,judged_global_index");
        for (Mark m : Mark.values()) {
            csv.append(",at_").append(m.name().toLowerCase(Locale.ROOT)).append("_ms");
        }
        csv.append(",total_ms,slowest_stage,stages_ms\n");
        for (Line line : lines) {
            ClientSide c = line.client();
            csv.append(c.phase()).append(',').append(c.player()).append(',').append(c.submissionId()).append(',')
                    .append(c.tests()).append(',').append(line.jobAttempts()).append(',').append(line.receivedIndex())
                    .append(',').append(line.judgedIndex());
            for (long at : line.marks()) {
                csv.append(',').append(at < 0 ? "" : String.format(Locale.ROOT, "%.3f", at / 1000.0));
            }
            Mark slowest = line.slowestStage();
            csv.append(String.format(Locale.ROOT, ",%.3f,%s,%s%n", line.total() / 1000.0,
                    slowest == null ? "" : slowest.name().toLowerCase(Locale.ROOT), line.stages()));
        }
        Files.writeString(file, csv);
    }

    /** The slowest {@code percent} % of the lines (at least one), slowest first, each with its stages. */
    static String slowest(List<Line> lines, double percent) {
        List<Line> sorted = lines.stream().sorted(Comparator.comparingLong(Line::total).reversed()).toList();
        int n = Math.min(sorted.size(), Math.max(1, (int) Math.ceil(sorted.size() * percent / 100)));
        StringBuilder out = new StringBuilder();
        for (Line line : sorted.subList(0, n)) {
            Mark slowest = line.slowestStage();
            out.append(String.format(Locale.ROOT, "BENCH slow %s %s total %.1f ms, slowest stage %s; job attempts %d;"
                            + " global index received %d judged %d; stages (ms, each from the previous instant): %s%n",
                    line.client().phase(), line.client().submissionId(), line.total() / 1000.0,
                    slowest == null ? "?" : slowest.name().toLowerCase(Locale.ROOT), line.jobAttempts(), line.receivedIndex(),
                    line.judgedIndex(), line.stages()));
        }
        return out.toString();
    }

    /** Redis's {@code total_connections_received}: how many connections were opened to it so far. */
    long connectionsReceived() {
        java.util.Properties stats = redis.execute((org.springframework.data.redis.core.RedisCallback<java.util.Properties>)
                connection -> connection.serverCommands().info("stats"));
        return stats == null ? -1 : Long.parseLong(stats.getProperty("total_connections_received", "-1"));
    }

    /** Connections opened to Redis since the record started (a load-insensitive count of connection churn). */
    long connectionsOpenedSinceStart() {
        return connectionsReceived() - connectionsAtStart;
    }

    private static Map<String, long[]> events(JdbcTemplate jdbc, String payloadType) {
        Map<String, long[]> found = new HashMap<>();
        jdbc.query("SELECT convert_from(payload, 'UTF8')::json->>'submissionId', timestamp, globalindex FROM domainevententry"
                + " WHERE payloadtype = ?", rs -> {
            found.putIfAbsent(rs.getString(1), new long[] {epochMicros(Instant.parse(rs.getString(2))), rs.getLong(3)});
        }, payloadType);
        return found;
    }

    private static List<MapRecord<String, Object, Object>> range(StringRedisTemplate redis, String stream) {
        List<MapRecord<String, Object, Object>> entries = redis.opsForStream().range(stream, Range.unbounded());
        return entries == null ? List.of() : entries;
    }

    private static long entryMillis(MapRecord<String, Object, Object> entry) {
        return entry.getId().getTimestamp();
    }

    @Override
    public void close() {
        commits.cancel();
        channels.dispose();
        for (Logger logger : tapped) {
            logger.detachAppender(tap);
            logger.setAdditive(true);
            logger.setLevel(null);
        }
        tap.stop();
    }
}
