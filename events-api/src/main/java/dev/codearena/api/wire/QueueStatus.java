package dev.codearena.api.wire;

import dev.codearena.api.match.MatchMode;
import java.time.Instant;

/** {@code lobby:queued} / {@code lobby:left}: where you stand in a mode's queue. */
public record QueueStatus(MatchMode mode, boolean queued, int rating, Instant since, long queueSize) {
}
