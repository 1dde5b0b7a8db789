package dev.codearena.query.admin;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.query.RebuildStatus;
import dev.codearena.query.QueryProcessingGroups;
import dev.codearena.query.read.ReadModelGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds read models from history: for the read model's tracking processor, {@code shutDown →
 * resetTokens → start}, guarded by {@code supportsReset()}. The reset calls the projection's
 * {@code @ResetHandler} (which empties its tables) in the same step, and the processor then replays
 * every event from the start, writing rows and token together per batch as in normal operation.
 *
 * <p>While it runs, reads of that read model answer {@link ErrorCode#READ_MODEL_REBUILDING} (see
 * {@link ReadModelGuard}); progress is measured against the event store's head at the start.
 */
@Service
public class RebuildService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ReadModelGuard guard;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public RebuildService(EventProcessingConfiguration processing, JdbcTemplate jdbc, ReadModelGuard guard) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.guard = guard;
        watcher.scheduleWithFixedDelay(this::watch, 200, 200, TimeUnit.MILLISECONDS);
    }

    public List<String> readModels() {
        return QueryProcessingGroups.ALL;
    }

    /** Starts rebuilding {@code readModel} (a no-op answering the current progress if it is already rebuilding). */
    public synchronized RebuildStatus rebuild(String readModel) {
        TrackingEventProcessor processor = processor(readModel);
        Rebuild running = rebuilds.get(readModel);
        if (running != null && running.finishedAt == null) {
            return status(readModel);
        }
        if (!processor.supportsReset()) {
            throw CodeArenaException.rule(ErrorCode.UNKNOWN_READ_MODEL, "read model '" + readModel + "' cannot be reset");
        }
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        Long first = jdbc.queryForObject("SELECT min(globalindex) FROM domainevententry", Long.class);
        Rebuild rebuild = new Rebuild(Instant.now(), head == null ? -1 : head, first == null ? 0 : first);
        guard.markRebuilding(readModel);
        log.info("event=read-model-rebuild-started readModel={} head={}", readModel, rebuild.head);
        try {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            // Watched only from here on: before the reset the stored token still says "caught up".
            rebuilds.put(readModel, rebuild);
        } catch (RuntimeException e) {
            rebuild.fail(e.toString());
            rebuilds.put(readModel, rebuild);
            guard.markReady(readModel);
            processor.start();
            throw e;
        }
        return status(readModel);
    }

    public List<RebuildStatus> rebuildAll() {
        return QueryProcessingGroups.ALL.stream().map(this::rebuild).toList();
    }

    public RebuildStatus status(String readModel) {
        processor(readModel);
        Rebuild rebuild = rebuilds.get(readModel);
        if (rebuild == null) {
            return new RebuildStatus(readModel, "IDLE", 0, 0, 0, null, null, null, null);
        }
        long total = Math.max(0, rebuild.head - rebuild.first + 1);
        long processed = rebuild.finishedAt != null && rebuild.error == null ? total
                : Math.max(0, Math.min(total, replayPosition(readModel) - rebuild.first + 1));
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

    /** Lowest position over the processor's segments (-1 before its workers have claimed them). */
    private long replayPosition(String readModel) {
        Map<Integer, EventTrackerStatus> segments = processor(readModel).processingStatus();
        return segments.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min().orElse(-1);
    }

    private void watch() {
        rebuilds.forEach((readModel, rebuild) -> {
            if (rebuild.finishedAt != null) {
                return;
            }
            try {
                TrackingEventProcessor processor = processor(readModel);
                Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
                // Done once every segment has handled the head that existed when the rebuild started. Not
                // "no longer replaying": a replay token turns plain only with the first event after the reset
                // position, which in a quiet system may never come. The status map is emptied by shutDown()
                // and refilled when the restarted workers claim their segments, so it never shows the old token.
                boolean caughtUp = !segments.isEmpty() && rebuild.head >= 0 && segments.values().stream()
                        .allMatch(st -> st.getCurrentPosition().orElse(-1) >= rebuild.head)
                        || rebuild.head < 0 && !segments.isEmpty();
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
        });
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
    public void destroy() {
        watcher.shutdownNow();
    }

    private static final class Rebuild {
        final Instant startedAt;
        final long head;
        final long first;
        volatile Instant finishedAt;
        volatile String error;

        Rebuild(Instant startedAt, long head, long first) {
            this.startedAt = startedAt;
            this.head = head;
            this.first = first;
        }

        void fail(String message) {
            error = message;
            finishedAt = Instant.now();
        }
    }
}
