package dev.codearena.api.query;

import dev.codearena.api.match.MatchId;
import java.util.List;

/** A page of a match's event stream in sequence order: events with {@code fromSequence <= sequence}. */
public record EventStreamPage(MatchId matchId, long fromSequence, int size, long totalEvents, List<AuditEvent> events,
                              Long nextSequence) {
}
