package dev.codearena.query.admin;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.query.RebuildStatus;
import dev.codearena.query.QueryProcessingGroups;
import dev.codearena.query.read.ReadModelGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds read models from history in a single pass over the event store ({@link RebuildPass}): one
 * temporary tracking processor hosts the event handlers of every read model being rebuilt, so "rebuild all"
 * reads and deserializes each event once instead of once per read model. It starts with the read models'
 * {@code @ResetHandler}s (which empty their tables) and replays every event from the start, writing all their
 * rows and the token together per batch as in normal operation. When the pass reaches the event store's head
 * as it was at the start, it is stopped and the read models' own processors take over from where it ended
 * (events appended meanwhile are handled by the pass or by them, never both). Rebuilding one read model is
 * the same pass with one read model in it.
 *
 * <p>While it runs, reads of those read models answer {@link ErrorCode#READ_MODEL_REBUILDING} (see
 * {@link ReadModelGuard}); progress is measured against the event store's head at the start.
 *
 * <p>If the process stops during a pass, its read models' own tokens still say how far their committed rows
 * go (the pass writes them with every batch). On the next start, before any processor runs, every read model
 * whose token is still a replay token is marked rebuilding again, and its own processor finishes the rebuild
 * from there (alone, so more slowly than the pass); the leftover token of the pass is deleted.
 */
@Service
public class RebuildService implements SmartInitializingSingleton, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ReadModelGuard guard;
    /** Events sampled from the event store to weigh the read models when they are spread over several passes. */
    private static final int SAMPLED_EVENTS = 50_000;

    private final int batchSize;
    private final int passes;
    private volatile boolean running;
    /** Guarded by this. */
    private boolean destroyed;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public RebuildService(EventProcessingConfiguration processing, JdbcTemplate jdbc, ReadModelGuard guard,
                          @Value("${codearena.rebuild.batch-size:2000}") int batchSize,
                          @Value("${codearena.rebuild.passes:1}") int passes) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.guard = guard;
        this.batchSize = batchSize;
        this.passes = passes;
        watcher.scheduleWithFixedDelay(this::watch, 200, 200, TimeUnit.MILLISECONDS);
    }

    public List<String> readModels() {
        return QueryProcessingGroups.ALL;
    }

    /** Runs before the processors start: finds the rebuilds a stopped process left unfinished. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> leftover = RebuildPass.deleteLeftoverPasses(jdbc);
        if (!leftover.isEmpty()) {
            log.warn("event=read-model-rebuild-pass-interrupted passes={}", leftover);
        }
        Long first = null;
        for (String readModel : QueryProcessingGroups.ALL) {
            if (processing.eventProcessor(readModel, TrackingEventProcessor.class).isEmpty()) {
                continue;
            }
            OptionalLong upTo = RebuildPass.replayingUpTo(processing, readModel);
            if (upTo.isPresent()) {
                first = first == null ? firstEvent() : first;
                guard.markRebuilding(readModel);
                rebuilds.put(readModel, new Rebuild(Instant.now(), upTo.getAsLong(), first, null));
                log.warn("event=read-model-rebuild-resumed readModel={} upTo={}", readModel, upTo.getAsLong());
            }
        }
    }

    /** Starts rebuilding {@code readModel} (a no-op answering the current progress if it is already rebuilding). */
    public RebuildStatus rebuild(String readModel) {
        return rebuild(List.of(readModel)).get(0);
    }

    public List<RebuildStatus> rebuildAll() {
        return rebuild(QueryProcessingGroups.ALL);
    }

    /**
     * Starts rebuilding these read models in one pass; those already being rebuilt are left in their own
     * rebuild. Answers the progress of each.
     */
    public synchronized List<RebuildStatus> rebuild(List<String> readModels) {
        List<String> starting = new ArrayList<>();
        for (String readModel : new LinkedHashSet<>(readModels)) {
            TrackingEventProcessor processor = processor(readModel);
            Rebuild running = rebuilds.get(readModel);
            if (running != null && running.finishedAt == null) {
                continue;
            }
            if (!processor.supportsReset()) {
                throw CodeArenaException.rule(ErrorCode.UNKNOWN_READ_MODEL, "read model '" + readModel + "' cannot be reset");
            }
            starting.add(readModel);
        }
        if (!starting.isEmpty()) {
            long first = firstEvent();
            split(starting).forEach(group -> start(group, first));
        }
        return readModels.stream().distinct().map(this::status).toList();
    }

    /**
     * The read models spread over {@code codearena.rebuild.passes} passes (default 1: a single pass), balanced by how
     * many of the stored events each one handles ({@link #handledEvents}). One pass runs on one thread (with its reader
     * thread) and waits for PostgreSQL per batch; several passes each read the whole stream, so they cost more CPU in
     * total but keep more cores busy when there are cores to spare.
     */
    private List<List<String>> split(List<String> readModels) {
        int count = Math.max(1, Math.min(passes, readModels.size()));
        if (count == 1) {
            return List.of(readModels);
        }
        Map<String, Long> weight = handledEvents(readModels);
        List<List<String>> groups = new ArrayList<>();
        long[] load = new long[count];
        for (int i = 0; i < count; i++) {
            groups.add(new ArrayList<>());
        }
        readModels.stream().sorted(Comparator.comparingLong((String m) -> weight.get(m)).reversed())
                .forEach(readModel -> {
                    int lightest = 0;
                    for (int i = 1; i < count; i++) {
                        if (load[i] < load[lightest]) {
                            lightest = i;
                        }
                    }
                    groups.get(lightest).add(readModel);
                    load[lightest] += weight.get(readModel);
                });
        log.info("event=read-model-rebuild-split passes={} handledEvents={}", groups, weight);
        return groups;
    }

    /**
     * How many events of a sample of the event store (about {@link #SAMPLED_EVENTS}, whole pages at random) each read
     * model handles, judged by its processor's handlers ({@code canHandleType}), plus one so that none weighs nothing.
     * A read model's work in a pass grows with the events it handles; the payload types it does not handle are never
     * even deserialized for it.
     */
    private Map<String, Long> handledEvents(List<String> readModels) {
        Double rows = jdbc.queryForObject("SELECT reltuples::float8 FROM pg_class WHERE relname = 'domainevententry'", Double.class);
        double percent = rows == null || rows <= SAMPLED_EVENTS ? 100 : Math.max(0.1, 100.0 * SAMPLED_EVENTS / rows);
        Map<String, Long> perType = new HashMap<>();
        jdbc.query("SELECT payloadtype, count(*) FROM domainevententry TABLESAMPLE SYSTEM (?) GROUP BY payloadtype",
                rs -> {
                    perType.put(rs.getString(1), rs.getLong(2));
                }, percent);
        Map<String, Long> handled = new LinkedHashMap<>();
        for (String readModel : readModels) {
            EventHandlerInvoker invoker = processor(readModel).eventHandlerInvoker();
            long events = 1;
            for (Map.Entry<String, Long> type : perType.entrySet()) {
                Class<?> payloadType = payloadClass(type.getKey());
                if (payloadType != null && invoker.canHandleType(payloadType)) {
                    events += type.getValue();
                }
            }
            handled.put(readModel, events);
        }
        return handled;
    }

    private static Class<?> payloadClass(String name) {
        try {
            return Class.forName(name, false, RebuildService.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private void start(List<String> readModels, long first) {
        Instant startedAt = Instant.now();
        String name = RebuildPass.NAME_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        readModels.forEach(guard::markRebuilding);
        try {
            RebuildPass pass = RebuildPass.start(name, readModels, processing, jdbc, batchSize);
            // Watched only from here on: before the reset the stored tokens still say "caught up".
            readModels.forEach(readModel -> rebuilds.put(readModel, new Rebuild(startedAt, pass.head, first, pass)));
            log.info("event=read-model-rebuild-started pass={} readModels={} head={}", name, readModels, pass.head);
        } catch (RuntimeException e) {
            for (String readModel : readModels) {
                Rebuild failed = new Rebuild(startedAt, -1, first, null);
                failed.fail(e.toString());
                rebuilds.put(readModel, failed);
                guard.markReady(readModel);
            }
            throw e;
        }
    }

    public RebuildStatus status(String readModel) {
        processor(readModel);
        Rebuild rebuild = rebuilds.get(readModel);
        if (rebuild == null) {
            return new RebuildStatus(readModel, "IDLE", 0, 0, 0, null, null, null, null);
        }
        long total = Math.max(0, rebuild.head - rebuild.first + 1);
        long processed = rebuild.finishedAt != null && rebuild.error == null ? total
                : Math.max(0, Math.min(total, position(readModel, rebuild) - rebuild.first + 1));
        Instant end = rebuild.finishedAt == null ? Instant.now() : rebuild.finishedAt;
        double seconds = Math.max(0.001, Duration.between(rebuild.startedAt, end).toNanos() / 1e9);
        double rate = processed / seconds;
        Long eta = rebuild.finishedAt != null ? Long.valueOf(0) : rate > 0 ? Long.valueOf((long) Math.ceil((total - processed) / rate)) : null;
        String state = rebuild.error != null ? "FAILED" : rebuild.finishedAt != null ? "DONE" : "REBUILDING";
        return new RebuildStatus(readModel, state, processed, total, Math.round(rate * 10) / 10.0, eta, rebuild.startedAt,
                rebuild.finishedAt, rebuild.error);
    }

    public List<RebuildStatus> statusAll() {
        return QueryProcessingGroups.ALL.stream().map(this::status).toList();
    }

    /** The name of the pass rebuilding {@code readModel} now, if a pass is (for the benchmark's CPU figures). */
    public String passOf(String readModel) {
        Rebuild rebuild = rebuilds.get(readModel);
        RebuildPass pass = rebuild == null ? null : rebuild.pass;
        return pass == null ? null : pass.name;
    }

    /** How far the rebuild has come: the pass's position while a pass runs it, else the read model's own processor's. */
    private long position(String readModel, Rebuild rebuild) {
        RebuildPass pass = rebuild.pass;
        return pass != null ? pass.position() : RebuildPass.lowestPosition(processor(readModel));
    }

    private synchronized void watch() {
        Set<RebuildPass> passes = new LinkedHashSet<>();
        rebuilds.forEach((readModel, rebuild) -> {
            if (rebuild.finishedAt != null) {
                return;
            }
            if (rebuild.pass != null) {
                passes.add(rebuild.pass);
            } else {
                watchOwnProcessor(readModel, rebuild);
            }
        });
        passes.forEach(this::watchPass);
    }

    private void watchPass(RebuildPass pass) {
        try {
            if (pass.reachedHead()) {
                pass.handOver();
                Instant finishedAt = Instant.now();
                for (String readModel : pass.readModels) {
                    Rebuild rebuild = rebuilds.get(readModel);
                    rebuild.finishedAt = finishedAt;
                    guard.markReady(readModel);
                    log.info("event=read-model-rebuild-finished readModel={} pass={} tookMs={}", readModel, pass.name,
                            Duration.between(rebuild.startedAt, finishedAt).toMillis());
                }
                return;
            }
            Throwable error = pass.error();
            if (error != null) {
                log.warn("event=read-model-rebuild-retrying pass={} error={}", pass.name, error.toString());
            }
        } catch (RuntimeException e) {
            // The hand-over failed after stopping the pass; the read models' own processors were started from the
            // last batch the pass committed (their tokens say so) and finish the rebuild themselves.
            log.warn("event=read-model-rebuild-hand-over-failed pass={}", pass.name, e);
            pass.readModels.forEach(readModel -> rebuilds.get(readModel).pass = null);
        }
    }

    private void watchOwnProcessor(String readModel, Rebuild rebuild) {
        try {
            Map<Integer, EventTrackerStatus> segments = processor(readModel).processingStatus();
            // Done once every segment has handled the head that existed when the rebuild started. Not "no longer
            // replaying": a replay token turns plain only with the first event after the reset position, which in
            // a quiet system may never come.
            boolean caughtUp = !segments.isEmpty() && segments.values().stream()
                    .allMatch(st -> st.getCurrentPosition().orElse(-1) >= rebuild.head);
            if (caughtUp) {
                rebuild.finishedAt = Instant.now();
                guard.markReady(readModel);
                log.info("event=read-model-rebuild-finished readModel={} tookMs={}", readModel,
                        Duration.between(rebuild.startedAt, rebuild.finishedAt).toMillis());
            }
            segments.values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                    .ifPresent(s -> log.warn("event=read-model-rebuild-retrying readModel={} error={}", readModel,
                            String.valueOf(s.getError())));
        } catch (RuntimeException e) {
            log.warn("event=read-model-rebuild-watch-failed readModel={}", readModel, e);
        }
    }

    private long firstEvent() {
        Long first = jdbc.queryForObject("SELECT min(globalindex) FROM domainevententry", Long.class);
        return first == null ? 0 : first;
    }

    private TrackingEventProcessor processor(String readModel) {
        if (readModel == null || !QueryProcessingGroups.ALL.contains(readModel)) {
            throw CodeArenaException.notFound(ErrorCode.UNKNOWN_READ_MODEL,
                    "no read model '" + readModel + "'; known: " + QueryProcessingGroups.ALL);
        }
        return processing.eventProcessor(readModel, TrackingEventProcessor.class)
                .orElseThrow(() -> CodeArenaException.notFound(ErrorCode.UNKNOWN_READ_MODEL,
                        "read model '" + readModel + "' has no tracking processor in this service"));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** First of all lifecycles, so that a running pass stops while the stores its handlers write to are still up. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void stop() {
        running = false;
        destroy();
    }

    /**
     * Stops running passes without a hand-over: the read models' tokens are those of the last committed batch,
     * and the next start resumes their rebuilds (see the class comment). Once: on a normal shutdown Spring calls
     * {@link #stop()} (lifecycle) and then this (disposal); the latter alone after a start-up that failed.
     */
    @Override
    public synchronized void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        watcher.shutdownNow();
        rebuilds.values().stream().filter(r -> r.finishedAt == null).map(r -> r.pass).filter(Objects::nonNull).distinct()
                .forEach(pass -> {
                    try {
                        pass.stop();
                    } catch (RuntimeException e) {
                        log.warn("event=read-model-rebuild-pass-stop-failed pass={}", pass.name, e);
                    }
                });
    }

    private static final class Rebuild {
        final Instant startedAt;
        final long head;
        final long first;
        volatile RebuildPass pass;
        volatile Instant finishedAt;
        volatile String error;

        Rebuild(Instant startedAt, long head, long first, RebuildPass pass) {
            this.startedAt = startedAt;
            this.head = head;
            this.first = first;
            this.pass = pass;
        }

        void fail(String message) {
            error = message;
            finishedAt = Instant.now();
        }
    }
}
