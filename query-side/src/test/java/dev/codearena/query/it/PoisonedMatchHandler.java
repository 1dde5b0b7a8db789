package dev.codearena.query.it;

import dev.codearena.api.match.MatchEnded;
import dev.codearena.query.QueryProcessingGroups;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Test-only: a handler in the {@code matches} processor that fails on one chosen match's end a set number
 * of times, to prove that a failing batch is rolled back and retried with nothing applied twice.
 * Inert unless a test arms it.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.MATCHES)
class PoisonedMatchHandler {

    static final AtomicReference<String> POISONED_MATCH = new AtomicReference<>();
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    static final AtomicInteger FAILED = new AtomicInteger();

    @EventHandler
    void on(MatchEnded event) {
        if (event.matchId().value().equals(POISONED_MATCH.get()) && FAILURES_LEFT.getAndDecrement() > 0) {
            FAILED.incrementAndGet();
            throw new IllegalStateException("poisoned: " + event.matchId());
        }
    }
}
