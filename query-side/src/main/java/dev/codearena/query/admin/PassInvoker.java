package dev.codearena.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

/**
 * The invoker of a {@link RebuildPass}: the read models' own invokers, each event handed to the handler beans that
 * handle its type. Which ones those are is worked out once per payload type (and message kind) instead of per event:
 * Axon's {@code MultiEventHandlerInvoker} asks every invoker {@code canHandle} and {@code supportsReset} (stream
 * pipelines over every handler method) twice per event, ~15 % of a pass's thread in a JFR profile, and each read
 * model's {@code SimpleEventHandlerInvoker} then offers the event to every one of its beans and works out the
 * event's sequence identifier for the segment check.
 *
 * <p>So the read models' invokers are taken apart down to their handler beans ({@link EventMessageHandler}s, each
 * with its invoker's {@link ListenerInvocationErrorHandler}), and an event goes straight to the beans that handle its
 * type, in the order Axon would call them (read model by read model, bean by bean), a failure going to the bean's
 * error handler exactly as in {@code SimpleEventHandlerInvoker#invokeHandlers}. An invoker of another kind is kept
 * whole and asked as before.
 *
 * <p>Valid because the query side's handlers take only the payload, {@code @SequenceNumber} (domain events
 * only, hence the message kind in the key) and {@code ReplayStatus}, so whether one of them handles an event
 * depends on nothing else; and the pass has one segment, which matches every sequence identifier (the cache is used
 * only for a segment that matches everything; any other segment goes through the read models' invokers). Every
 * invoker supports reset (the rebuild refuses read models that don't), so replayed events go to all of them, as in
 * {@code MultiEventHandlerInvoker}.
 */
final class PassInvoker implements EventHandlerInvoker {

    private final List<EventHandlerInvoker> delegates;
    private final List<Target> targets;
    private final Map<Route, Target[]> routes = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

    PassInvoker(List<EventHandlerInvoker> delegates) {
        this.delegates = List.copyOf(delegates);
        List<Target> all = new ArrayList<>();
        this.delegates.forEach(delegate -> collect(delegate, all));
        this.targets = List.copyOf(all);
    }

    private static void collect(EventHandlerInvoker invoker, List<Target> into) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, into));
        } else if (invoker.getClass() == SimpleEventHandlerInvoker.class) {
            SimpleEventHandlerInvoker simple = (SimpleEventHandlerInvoker) invoker;
            for (EventMessageHandler handler : simple.eventHandlers()) {
                into.add(new BeanTarget(handler, simple.getListenerInvocationErrorHandler()));
            }
        } else {
            into.add(new InvokerTarget(invoker));
        }
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        if (segment.getMask() != 0) {
            return delegates.stream().anyMatch(d -> d.canHandle(eventMessage, segment));
        }
        return route(eventMessage).length > 0;
    }

    /** Asked for every event by the pass's reader thread ({@link ReadAheadMessageSource}), hence cached. */
    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handledTypes.computeIfAbsent(payloadType, type -> delegates.stream().anyMatch(d -> d.canHandleType(type)));
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        if (segment.getMask() != 0) {
            for (EventHandlerInvoker delegate : delegates) {
                if (delegate.canHandle(message, segment)) {
                    delegate.handle(message, segment);
                }
            }
            return;
        }
        for (Target target : route(message)) {
            target.handle(message, segment);
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

    private Target[] route(EventMessage<?> message) {
        return routes.computeIfAbsent(new Route(message.getPayloadType(), message instanceof DomainEventMessage),
                route -> targets.stream().filter(target -> target.canHandle(message)).toArray(Target[]::new));
    }

    private interface Target {
        boolean canHandle(EventMessage<?> message);

        void handle(EventMessage<?> message, Segment segment) throws Exception;
    }

    /** One handler bean of a read model, called as its {@code SimpleEventHandlerInvoker} would call it. */
    private record BeanTarget(EventMessageHandler handler, ListenerInvocationErrorHandler errors) implements Target {

        @Override
        public boolean canHandle(EventMessage<?> message) {
            return handler.canHandle(message);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            try {
                handler.handle(message);
            } catch (Exception e) {
                errors.onError(e, message, handler);
            }
        }
    }

    /** An invoker of another kind, asked as a whole. */
    private record InvokerTarget(EventHandlerInvoker invoker) implements Target {

        @Override
        public boolean canHandle(EventMessage<?> message) {
            return invoker.canHandle(message, Segment.ROOT_SEGMENT);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            invoker.handle(message, segment);
        }
    }

    private record Route(Class<?> payloadType, boolean domainEvent) {
    }
}
