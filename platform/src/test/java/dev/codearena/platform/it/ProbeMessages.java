package dev.codearena.platform.it;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/** Test-only contract of the probe aggregate. */
final class ProbeMessages {

    private ProbeMessages() {
    }

    record OpenProbe(@TargetAggregateIdentifier String probeId, Duration expiresAfter) {
    }

    record ProbeOpened(String probeId, long expiresAfterMillis) {
    }

    record ProbeExpired(String probeId) {
    }
}
