package dev.codearena.api.error;

/** A typed error as it travels to remote callers (command result details, wire error replies). */
public record ErrorDetails(ErrorCode code, String message) {
}
