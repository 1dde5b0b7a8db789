package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * The player left, or was removed ({@code removedBy} not null).
 */
public record PlayerLeftClan(ClanId clanId, PlayerId playerId, PlayerId removedBy, Instant leftAt) {
}
