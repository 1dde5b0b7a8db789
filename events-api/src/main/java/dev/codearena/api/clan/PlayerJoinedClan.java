package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * The player is a member (role MEMBER).
 */
public record PlayerJoinedClan(ClanId clanId, PlayerId playerId, Instant joinedAt) {
}
