package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** An open invitation of the signed-in player. */
public record ClanInvitation(ClanId clanId, String name, String tag, PlayerId invitedBy, Instant invitedAt) {
}
