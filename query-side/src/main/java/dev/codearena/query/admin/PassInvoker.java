package dev.codearena.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * The invoker of a {@link RebuildPass}: the read models' own invokers, each event handed to those that handle
 * its type. Which ones those are is worked out once per payload type (and message kind) instead of per event:
 * Axon's {@code MultiEventHandlerInvoker} asks every invoker {@code canHandle} and {@code supportsReset} (stream
 * pipelines over every handler method) twice per event, ~15 % of a pass's thread in a JFR profile.
 *
 * <p>Valid because the query side's handlers take only the payload, {@code @SequenceNumber} (domain events
 * only, hence the message kind in the key) and {@code ReplayStatus}, so whether one of them handles an event
 * depends on nothing else; and the pass has one segment (the cache is used only for a segment that matches
 * everything). Every invoker supports reset (the rebuild refuses read models that don't), so replayed events
 * go to all of them, as in {@code MultiEventHandlerInvoker}.
 */
final class PassInvoker implements EventHandlerInvoker {

    private final List<EventHandlerInvoker> delegates;
    private final Map<Route, EventHandlerInvoker[]> routes = new ConcurrentHashMap<>();

    PassInvoker(List<EventHandlerInvoker> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return targets(eventMessage, segment).length > 0;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegates.stream().anyMatch(d -> d.canHandleType(payloadType));
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        for (EventHandlerInvoker delegate : targets(message, segment)) {
            delegate.handle(message, segment);
        }
    }

    @Override
    public boolean supportsReset() {
        return delegates.stream().allMatch(EventHandlerInvoker::supportsReset);
    }

    @Override
    public void performReset() {
        performReset(null);
    }

    @Override
    public <R> void performReset(R resetContext) {
        for (EventHandlerInvoker delegate : delegates) {
            delegate.performReset(resetContext);
        }
    }

    private EventHandlerInvoker[] targets(EventMessage<?> message, Segment segment) {
        if (segment.getMask() != 0) {
            return select(message, segment);
        }
        return routes.computeIfAbsent(new Route(message.getPayloadType(), message instanceof DomainEventMessage),
                route -> select(message, segment));
    }

    private EventHandlerInvoker[] select(EventMessage<?> message, Segment segment) {
        List<EventHandlerInvoker> targets = new ArrayList<>();
        for (EventHandlerInvoker delegate : delegates) {
            if (delegate.canHandle(message, segment)) {
                targets.add(delegate);
            }
        }
        return targets.toArray(EventHandlerInvoker[]::new);
    }

    private record Route(Class<?> payloadType, boolean domainEvent) {
    }
}
