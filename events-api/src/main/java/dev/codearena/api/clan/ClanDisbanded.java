package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;
import java.util.List;

/**
 * The clan is dissolved; {@code members} are the players who were in it.
 */
public record ClanDisbanded(ClanId clanId, List<PlayerId> members, PlayerId by, Instant disbandedAt) {
}
