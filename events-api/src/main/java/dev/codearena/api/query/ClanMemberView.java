package dev.codearena.api.query;

import dev.codearena.api.clan.ClanRole;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/** A member on a clan page, with the overall rating (null if the player is unknown to the read model). */
public record ClanMemberView(PlayerId playerId, String handle, ClanRole role, Instant joinedAt, Integer overallRating) {
}
