package dev.codearena.command.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The connections of this instance, by player. */
final class Sessions {

    private final Map<String, Set<GatewaySession>> byPlayer = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();

    Sessions(MeterRegistry meters) {
        Gauge.builder("ws_connections_active", active, AtomicInteger::get)
                .description("Client connections (WebSocket and RSocket) open on this instance")
                .register(meters);
    }

    void add(GatewaySession session) {
        byPlayer.computeIfAbsent(session.playerId(), k -> ConcurrentHashMap.newKeySet()).add(session);
        active.incrementAndGet();
    }

    void remove(GatewaySession session) {
        byPlayer.computeIfPresent(session.playerId(), (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
        active.decrementAndGet();
    }

    Stream<GatewaySession> of(String playerId) {
        Set<GatewaySession> set = byPlayer.get(playerId);
        return set == null ? Stream.empty() : set.stream();
    }

    int count() {
        return active.get();
    }
}
