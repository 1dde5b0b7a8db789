package dev.codearena.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/** The pass's read-ahead stream hands over the source's messages in order, its failure at that point, and stops. */
class ReadAheadMessageSourceTest {

    @Test
    void handsOverEveryMessageInOrderThroughASmallQueue() throws Exception {
        Source source = new Source(1000, -1);
        try (BlockingStream<TrackedEventMessage<?>> stream =
                     new ReadAheadMessageSource(source, type -> true, 16, "test-reader").openStream(null)) {
            List<Long> positions = new ArrayList<>();
            while (positions.size() < 1000) {
                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                Optional<TrackedEventMessage<?>> peeked = stream.peek();
                TrackedEventMessage<?> next = stream.nextAvailable();
                assertThat(peeked).containsSame(next);
                positions.add(next.trackingToken().position().orElseThrow());
            }
            assertThat(positions).isEqualTo(java.util.stream.LongStream.range(0, 1000).boxed().toList());
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
        }
        assertThat(source.closed).as("closing the stream closes the source's").isTrue();
    }

    @Test
    void aFailureOfTheSourceReachesTheConsumerWhereItHappened() throws Exception {
        Source source = new Source(100, 40);
        try (BlockingStream<TrackedEventMessage<?>> stream =
                     new ReadAheadMessageSource(source, type -> true, 8, "test-reader").openStream(null)) {
            for (int i = 0; i < 40; i++) {
                assertThat(stream.nextAvailable().trackingToken().position()).hasValue(i);
            }
            assertThatThrownBy(() -> stream.hasNextAvailable(5, TimeUnit.SECONDS)).hasMessageContaining("database gone");
            assertThatThrownBy(stream::peek).as("and stays failed").hasMessageContaining("database gone");
        }
        assertThat(source.closed).isTrue();
    }

    @Test
    void theReaderAsksThePassWhichPayloadTypesToDeserialize() throws Exception {
        Source source = new Source(10, -1);
        AtomicInteger asked = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = new ReadAheadMessageSource(source, type -> {
            asked.incrementAndGet();
            return type == Integer.class;
        }, 4, "test-reader").openStream(null)) {
            for (int i = 0; i < 10; i++) {
                assertThat(stream.nextAvailable().getPayload()).isEqualTo(i);
            }
        }
        assertThat(asked).hasValue(10);
    }

    /** {@code count} messages with payloads 0, 1, ... and tokens at those positions; fails at {@code failAt} (-1: never). */
    private static final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {
        private final int count;
        private final int failAt;
        volatile boolean closed;

        Source(int count, int failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean open = new AtomicBoolean(true);
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    throw new UnsupportedOperationException("the reader only uses hasNextAvailable and nextAvailable");
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    if (next.get() == failAt) {
                        throw new IllegalStateException("database gone");
                    }
                    if (next.get() >= count) {
                        unit.sleep(timeout);
                        return false;
                    }
                    return true;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    int i = next.getAndIncrement();
                    return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(i, java.util.Collections.emptySortedSet()),
                            GenericEventMessage.asEventMessage(i));
                }

                @Override
                public void close() {
                    open.set(false);
                    closed = true;
                }
            };
        }
    }
}
