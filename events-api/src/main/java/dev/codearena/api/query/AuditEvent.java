package dev.codearena.api.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One stored event of a match as the event store holds it: its global position, its sequence number
 * within the match, its type (the payload class name), when it was stored, and the payload JSON.
 */
public record AuditEvent(long globalIndex, long sequence, String type, Instant timestamp, @JsonRawValue String payload) {
}
