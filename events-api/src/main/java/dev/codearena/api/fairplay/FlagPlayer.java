package dev.codearena.api.fairplay;

import dev.codearena.api.player.PlayerId;

/** A player a flag concerns, with the handle they played under. */
public record FlagPlayer(PlayerId playerId, String handle) {
}
