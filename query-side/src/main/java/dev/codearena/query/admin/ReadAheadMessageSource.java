package dev.codearena.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream of a {@link RebuildPass}, read ahead on a thread of its own: fetching the rows from the event
 * store, building the messages (payload class, timestamp, token) and deserializing the payloads of the types the pass
 * handles happen there, while the pass's thread handles the events before them and waits for PostgreSQL at its
 * flushes. In a JFR profile of a pass that was about a quarter of the pass thread's CPU (Jackson ~14 %, reading the
 * rows ~7 %, the payload class and message per row a few %); on two cores it now overlaps with the projections' work.
 *
 * <p>The same messages in the same order as the event store's own stream (one reader, a FIFO queue); nothing about
 * tokens or transactions changes: the pass stores the token of the last message it handled with its batch, and
 * messages read ahead but not handled when it stops are simply read again by whoever goes on from that token. A
 * failure of the reader reaches the pass when it gets to that point of the stream, so the pass fails and retries from
 * its last token as with the event store's own stream.
 */
final class ReadAheadMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final Predicate<Class<?>> deserialize;
    private final int capacity;
    private final String threadName;

    /**
     * @param deserialize which payload types the reader deserializes (those the pass handles; the others are never
     *                    deserialized, as with the event store's own stream)
     * @param capacity    messages read ahead at most
     */
    ReadAheadMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, Predicate<Class<?>> deserialize, int capacity,
                           String threadName) {
        this.delegate = delegate;
        this.deserialize = deserialize;
        this.capacity = capacity;
        this.threadName = threadName;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new ReadAheadStream(delegate.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    /** What the reader hands over when the source stream failed: thrown to the consumer at that point. */
    private record Failure(Throwable error) {
    }

    private final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> source;
        /** Messages, then a {@link Failure} if the source failed. */
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
        private final Thread reader;
        private volatile boolean closed;
        /** The consumer's next message, taken off the queue by a peek (consumer thread only). */
        private TrackedEventMessage<?> next;
        private RuntimeException failed;

        ReadAheadStream(BlockingStream<TrackedEventMessage<?>> source) {
            this.source = source;
            this.reader = new Thread(this::read, threadName);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try {
                while (!closed) {
                    if (source.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> message = source.nextAvailable();
                        if (deserialize.test(message.getPayloadType())) {
                            message.getPayload();
                        }
                        queue.put(message);
                    }
                }
            } catch (InterruptedException e) {
                // closed
            } catch (Throwable e) {
                if (!closed) {
                    try {
                        queue.put(new Failure(e));
                    } catch (InterruptedException closedMeanwhile) {
                        Thread.currentThread().interrupt();
                    }
                }
            } finally {
                source.close();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (next == null) {
                accept(queue.poll());
            }
            return Optional.ofNullable(next);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next == null) {
                accept(timeout <= 0 ? queue.poll() : queue.poll(timeout, unit));
            }
            return next != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            if (next == null) {
                accept(queue.take());
            }
            TrackedEventMessage<?> message = next;
            next = null;
            return message;
        }

        private void accept(Object taken) {
            if (failed != null) {
                throw failed;
            }
            if (taken instanceof Failure failure) {
                failed = failure.error() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("reading the event stream failed", failure.error());
                throw failed;
            }
            next = (TrackedEventMessage<?>) taken;
        }

        /** Stops the reader (which closes the source stream) and waits a little for it. */
        @Override
        public void close() {
            closed = true;
            reader.interrupt();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
