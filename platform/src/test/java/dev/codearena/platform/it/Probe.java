package dev.codearena.platform.it;

import dev.codearena.platform.it.ProbeMessages.OpenProbe;
import dev.codearena.platform.it.ProbeMessages.ProbeExpired;
import dev.codearena.platform.it.ProbeMessages.ProbeOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An event-sourced aggregate that expires itself through a persistent deadline. */
@Aggregate
class Probe {

    static final String EXPIRY_DEADLINE = "probe-expiry";

    @AggregateIdentifier
    private String probeId;
    private boolean expired;

    protected Probe() {
    }

    @CommandHandler
    Probe(OpenProbe command, DeadlineManager deadlines) {
        if (command.expiresAfter().isNegative()) {
            throw new IllegalArgumentException("expiresAfter must not be negative");
        }
        apply(new ProbeOpened(command.probeId(), command.expiresAfter().toMillis()));
        deadlines.schedule(command.expiresAfter(), EXPIRY_DEADLINE);
    }

    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void expire() {
        if (!expired) {
            apply(new ProbeExpired(probeId));
        }
    }

    @EventSourcingHandler
    void on(ProbeOpened event) {
        probeId = event.probeId();
    }

    @EventSourcingHandler
    void on(ProbeExpired event) {
        expired = true;
    }
}
