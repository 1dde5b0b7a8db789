package dev.codearena.api.clan;

import jakarta.validation.constraints.NotNull;

/** {@code POST /api/clans/{clanId}/members/{playerId}/role}: the leader promotes, demotes or hands leadership over. */
public record ChangeClanRoleRequest(@NotNull ClanRole role) {
}
