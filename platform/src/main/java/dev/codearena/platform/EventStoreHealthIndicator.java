package dev.codearena.platform;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * UP when the event store answers a read of its head position (the newest event's global
 * index). That read goes through the same storage engine commands and projections use, so it
 * fails when appending or tracking would fail.
 */
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStore eventStore;

    EventStoreHealthIndicator(EventStore eventStore) {
        super("Event store is not readable");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrackingToken head = eventStore.createHeadToken();
        builder.up()
                .withDetail("type", eventStore.getClass().getSimpleName())
                .withDetail("headPosition", head == null ? -1 : head.position().orElse(-1));
    }
}
