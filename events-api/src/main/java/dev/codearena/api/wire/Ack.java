package dev.codearena.api.wire;

/** Payload of {@code ack}: a request that has no richer answer was done. */
public record Ack(String detail) {
}
