package dev.codearena.command.rating;

import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.RatingChange;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * {@code elo_calculation_drift}: the running sum of all rating changes of all ended matches (mode and
 * overall ratings). Ratings are zero-sum per match, so anything but 0 means a calculation bug.
 * A replayable projection: reset clears it and a replay recomputes it from history.
 */
@Component
@ProcessingGroup(RatingDriftMonitor.PROCESSING_GROUP)
class RatingDriftMonitor {

    static final String PROCESSING_GROUP = "rating-drift";

    private final AtomicLong drift = new AtomicLong();
    private final AtomicLong matches = new AtomicLong();

    RatingDriftMonitor(MeterRegistry registry) {
        Gauge.builder("elo_calculation_drift", drift, AtomicLong::get)
                .description("Sum of all rating changes over all matches; non-zero means ratings are not zero-sum")
                .register(registry);
        Gauge.builder("elo_matches_rated", matches, AtomicLong::get)
                .description("Matches whose rating changes were checked for drift")
                .register(registry);
    }

    @EventHandler
    void on(MatchEnded event) {
        long sum = 0;
        for (RatingChange change : event.ratingChanges()) {
            sum += change.delta() + change.overallDelta();
        }
        drift.addAndGet(sum);
        matches.incrementAndGet();
    }

    @ResetHandler
    void reset() {
        drift.set(0);
        matches.set(0);
    }

    long drift() {
        return drift.get();
    }
}
