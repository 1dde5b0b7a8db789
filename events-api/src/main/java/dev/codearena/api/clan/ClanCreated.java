package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * A clan exists with its founder as leader.
 */
public record ClanCreated(ClanId clanId, String name, String tag, PlayerId leader, Instant createdAt) {
}
