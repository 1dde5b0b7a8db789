package dev.codearena.api.query;

import dev.codearena.api.clan.ClanId;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;
import java.util.List;

/** A clan page: members by role then rating; {@code disbandedAt} set (and no members) once disbanded. */
public record ClanView(ClanId clanId, String name, String tag, PlayerId leaderId, Instant createdAt, Instant disbandedAt,
                       List<ClanMemberView> members) {
}
