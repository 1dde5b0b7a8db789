package dev.codearena.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    @Test
    void keepsAggregatesAcrossGarbageCollections() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(30));
        cache.put("m-1", new StringBuilder("match state"));
        for (int i = 0; i < 3; i++) {
            System.gc(); // Axon's WeakReferenceCache loses an otherwise unreferenced aggregate here
        }
        assertThat(cache.<String, StringBuilder>get("m-1")).hasToString("match state");
    }

    @Test
    void followsAxonsCacheContract() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(30));
        assertThat(cache.putIfAbsent("k", "first")).isTrue();
        assertThat(cache.putIfAbsent("k", "second")).isFalse();
        assertThat(cache.<String, String>get("k")).isEqualTo("first");
        cache.<String>computeIfPresent("k", v -> v + "+");
        assertThat(cache.<String, String>get("k")).isEqualTo("first+");
        assertThat(cache.<String>computeIfAbsent("other", () -> "made")).isEqualTo("made");
        assertThat(cache.remove("k")).isTrue();
        assertThat(cache.containsKey("k")).isFalse();
        cache.removeAll();
        assertThat(cache.containsKey("other")).isFalse();
    }
}
