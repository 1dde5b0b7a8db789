package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * A member's role changed.
 */
public record ClanRoleChanged(ClanId clanId, PlayerId member, ClanRole from, ClanRole to, PlayerId changedBy, Instant changedAt) {
}
