package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * An invitation stands until the invitee joins.
 */
public record PlayerInvitedToClan(ClanId clanId, PlayerId invitee, PlayerId invitedBy, Instant invitedAt) {
}
