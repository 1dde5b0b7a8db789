package dev.codearena.api.player;

import java.time.Instant;

/**
 * A player exists, with the initial rating in every mode and overall.
 */
public record PlayerRegistered(PlayerId playerId, String handle, PlayerClass playerClass, int initialRating, Instant registeredAt) {
}
