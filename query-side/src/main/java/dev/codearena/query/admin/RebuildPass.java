package dev.codearena.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One pass over the event store that rebuilds several read models at once: a temporary tracking processor
 * (named {@code rebuild-pass-…}) whose invoker ({@link PassInvoker}) combines the read models' own invokers (the same
 * handler beans and error handlers), so every event is read, deserialized and dispatched once
 * and every batch commits all read models' rows with the pass's token in one transaction.
 *
 * <p>The token of the pass is a {@link ReplayToken} from the tail to the head at the start (handlers see a
 * replay: {@code @DisallowReplay} handlers are skipped for those events as in a per-processor reset). With
 * every batch the same token is also written into each rebuilt read model's own token rows, in the same
 * transaction ({@link MirroringTokenStore}). So at any commit the read models' own tokens say exactly how far
 * their rows are built, and stopping the pass anywhere — at the head for the hand-over, or by a crash — leaves
 * the read models' own processors able to continue from there: no event applied twice, none skipped.
 */
final class RebuildPass {

    static final String NAME_PREFIX = "rebuild-pass-";
    /** Longer than any claim a live pass leaves unrenewed (Axon's claim timeout is 10 s; a pass renews per batch). */
    private static final Duration ABANDONED_CLAIM = Duration.ofSeconds(30);
    /**
     * Events the pass's reader thread keeps ready at least ({@link ReadAheadMessageSource}): a few event-store fetches,
     * and two batches (the processor fills a batch with what is ready, so a shorter queue would cut batches short).
     */
    private static final int READ_AHEAD = 4096;

    final String name;
    final List<String> readModels;
    final long head;
    private final TrackingEventProcessor processor;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final TrackingToken replayToken;
    /** Each read model's token segments; fixed while the pass runs (the read models' processors are stopped). */
    private final Map<String, int[]> segments = new LinkedHashMap<>();

    private RebuildPass(String name, List<String> readModels, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                        int batchSize) {
        this.name = name;
        this.readModels = List.copyOf(readModels);
        this.processing = processing;
        this.jdbc = jdbc;
        TrackingEventProcessor first = processor(processing, readModels.get(0));
        this.tokenStore = processing.tokenStore(readModels.get(0));
        this.transactions = processing.transactionManager(readModels.get(0));
        @SuppressWarnings("unchecked")
        StreamableMessageSource<TrackedEventMessage<?>> source =
                (StreamableMessageSource<TrackedEventMessage<?>>) first.getMessageSource();
        TrackingToken headToken = source.createHeadToken();
        this.head = headToken == null ? -1 : headToken.position().orElse(-1);
        this.replayToken = ReplayToken.createReplayToken(headToken, source.createTailToken());

        List<EventHandlerInvoker> invokers = new ArrayList<>();
        Set<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = new LinkedHashSet<>();
        Set<Class<?>> interceptorTypes = new LinkedHashSet<>();
        for (String readModel : readModels) {
            invokers.add(processor(processing, readModel).eventHandlerInvoker());
            processing.interceptorsFor(readModel).stream()
                    .filter(RebuildPass::carriedOver)
                    .filter(interceptor -> interceptorTypes.add(interceptor.getClass()))
                    .forEach(interceptors::add);
        }
        PassInvoker invoker = new PassInvoker(invokers);
        this.processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(new ReadAheadMessageSource(source, invoker::canHandleType,
                        Math.max(READ_AHEAD, 2 * batchSize), name + "-reader"))
                .tokenStore(new MirroringTokenStore(tokenStore, name, segments, jdbc))
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialSegmentsCount(1))
                .build();
        interceptors.forEach(processor::registerHandlerInterceptor);
    }

    /**
     * Stops the read models' processors, then in one transaction: runs their {@code @ResetHandler}s, gives
     * the pass its replay token and sets the read models' own tokens to the same replay token; then starts
     * the pass. On failure the read models' processors are started again with their tokens unchanged.
     */
    static RebuildPass start(String name, List<String> readModels, EventProcessingConfiguration processing,
                             JdbcTemplate jdbc, int batchSize) {
        readModels.forEach(readModel -> processor(processing, readModel).shutDown());
        try {
            RebuildPass pass = new RebuildPass(name, readModels, processing, jdbc, batchSize);
            pass.transactions.executeInTransaction(() -> {
                pass.deletePassToken();
                pass.processor.eventHandlerInvoker().performReset();
                pass.tokenStore.initializeTokenSegments(name, 1, pass.replayToken);
                for (String readModel : readModels) {
                    int[] own = pass.tokenStore.fetchSegments(readModel);
                    if (own.length == 0) {
                        pass.tokenStore.initializeTokenSegments(readModel, 1, pass.replayToken);
                        own = pass.tokenStore.fetchSegments(readModel);
                    }
                    pass.segments.put(readModel, own);
                    for (int segment : own) {
                        pass.tokenStore.storeToken(pass.replayToken, readModel, segment);
                    }
                }
            });
            pass.processor.start();
            return pass;
        } catch (RuntimeException e) {
            readModels.forEach(readModel -> processor(processing, readModel).start());
            throw e;
        }
    }

    /**
     * Whether a read model processor's interceptor is also registered on the pass (each kind once). Not the
     * processor's own (they store its token, the pass has its own), and not Axon's correlation-data
     * interceptor: it only tags messages dispatched while handling, the query side's handlers dispatch none,
     * and it would deserialize every event's metadata for nothing.
     */
    private static boolean carriedOver(MessageHandlerInterceptor<?> interceptor) {
        String type = interceptor.getClass().getName();
        return !type.startsWith(TrackingEventProcessor.class.getName()) && !(interceptor instanceof CorrelationDataInterceptor);
    }

    /** The lowest position the pass has handled (-1 before its worker has claimed its segment). */
    long position() {
        return lowestPosition(processor);
    }

    /** The lowest position any segment of {@code processor} has handled (-1 before its workers claim segments). */
    static long lowestPosition(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min().orElse(-1);
    }

    boolean reachedHead() {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && (head < 0 || position() >= head);
    }

    /** The pass's error, if its last batch failed (it retries with back-off, as every tracking processor). */
    Throwable error() {
        return processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError).findFirst().orElse(null);
    }

    /**
     * Stops the pass (its current batch finishes and commits first), then in one transaction writes the
     * pass's last token into every read model's token rows (they already hold it: belt and braces), frees
     * them and deletes the pass's token; then starts the read models' processors, which go on with the events
     * after it. If the transaction fails the read models' tokens are still those of the last committed batch,
     * so their processors are started all the same.
     */
    void handOver() {
        processor.shutDown();
        try {
            transactions.executeInTransaction(() -> {
                TrackingToken last = tokenStore.fetchToken(name, 0);
                segments.forEach((readModel, own) -> {
                    for (int segment : own) {
                        tokenStore.storeToken(last, readModel, segment);
                        tokenStore.releaseClaim(readModel, segment);
                    }
                });
                deletePassToken();
            });
        } finally {
            readModels.forEach(readModel -> processor(processing, readModel).start());
        }
    }

    /** Stops the pass without a hand-over (shutdown of the service); the read models' tokens stay consistent. */
    void stop() {
        processor.shutDown();
    }

    private void deletePassToken() {
        jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", name);
    }

    /**
     * Deletes the tokens of passes a previous process left behind (it stopped during a rebuild). A pass token
     * whose claim another running instance still renews (every batch, and by its processor's claim extension)
     * is that instance's pass in progress and is left alone.
     */
    static List<String> deleteLeftoverPasses(JdbcTemplate jdbc) {
        Instant abandonedBefore = Instant.now().minus(ABANDONED_CLAIM);
        List<String> names = jdbc.query("SELECT processorname, owner, timestamp FROM tokenentry WHERE processorname LIKE ?",
                        (row, i) -> row.getString("owner") == null || claimedBefore(row.getString("timestamp"), abandonedBefore)
                                ? row.getString("processorname") : null,
                        NAME_PREFIX + "%").stream()
                .filter(Objects::nonNull).distinct().toList();
        names.forEach(n -> jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", n));
        return names;
    }

    private static boolean claimedBefore(String timestamp, Instant instant) {
        try {
            return timestamp == null || Instant.parse(timestamp).isBefore(instant);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /**
     * Where a read model's own token says an unfinished rebuild stands: the position it replays up to, or empty
     * when the read model is not replaying. Read before the processors start (it claims and frees the tokens).
     * A segment another running instance has claimed is skipped: that instance's processor (or pass) carries on
     * with it, whatever it is doing — several instances start side by side.
     */
    static OptionalLong replayingUpTo(EventProcessingConfiguration processing, String readModel) {
        TokenStore tokens = processing.tokenStore(readModel);
        TransactionManager transactions = processing.transactionManager(readModel);
        return transactions.fetchInTransaction(() -> {
            long upTo = -1;
            boolean replaying = false;
            for (int segment : tokens.fetchSegments(readModel)) {
                TrackingToken token;
                try {
                    token = tokens.fetchToken(readModel, segment);
                } catch (UnableToClaimTokenException claimedElsewhere) {
                    continue;
                }
                tokens.releaseClaim(readModel, segment);
                if (ReplayToken.isReplay(token)) {
                    replaying = true;
                    upTo = Math.max(upTo, ReplayToken.getTokenAtReset(token).orElse(-1));
                }
            }
            return replaying ? OptionalLong.of(upTo) : OptionalLong.empty();
        });
    }

    static TrackingEventProcessor processor(EventProcessingConfiguration processing, String readModel) {
        return processing.eventProcessor(readModel, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("read model '" + readModel + "' has no tracking processor"));
    }

    @Override
    public String toString() {
        return name + Arrays.toString(readModels.toArray());
    }
}
