package dev.codearena.api.player;

import java.time.Instant;

/**
 * The player picked another class.
 */
public record PlayerClassChanged(PlayerId playerId, PlayerClass playerClass, Instant changedAt) {
}
