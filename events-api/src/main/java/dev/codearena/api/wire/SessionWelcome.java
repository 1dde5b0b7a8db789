package dev.codearena.api.wire;

import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;
import java.util.Set;

/** First message on every connection: who the server thinks you are and its clock. */
public record SessionWelcome(PlayerId playerId, String handle, PlayerClass playerClass, Set<String> roles,
                             String connectionId, Instant serverTime) {
}
