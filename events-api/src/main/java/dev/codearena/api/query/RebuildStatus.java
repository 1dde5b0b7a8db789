package dev.codearena.api.query;

import java.time.Instant;

/**
 * Progress of an admin rebuild of one read model. {@code state}: IDLE (never rebuilt since start-up),
 * REBUILDING, DONE, FAILED. {@code processedEvents}/{@code totalEvents} count positions in the event
 * store's global order up to the head at the moment the rebuild started; {@code eventsPerSecond} and
 * {@code etaSeconds} are measured since the start.
 */
public record RebuildStatus(String readModel, String state, long processedEvents, long totalEvents, double eventsPerSecond,
                            Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {
}
