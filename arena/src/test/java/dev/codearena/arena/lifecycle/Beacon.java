package dev.codearena.arena.lifecycle;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Test-only aggregate: one command, one event, so the arena's event store has something to keep. */
@Aggregate
class Beacon {

    record LightBeacon(@TargetAggregateIdentifier String beaconId, String message) {
    }

    record BeaconLit(String beaconId, String message) {
    }

    @AggregateIdentifier
    private String beaconId;

    protected Beacon() {
    }

    @CommandHandler
    Beacon(LightBeacon command) {
        apply(new BeaconLit(command.beaconId(), command.message()));
    }

    @EventSourcingHandler
    void on(BeaconLit event) {
        beaconId = event.beaconId();
    }
}
