package dev.codearena.api.query;

import dev.codearena.api.clan.ClanId;

/**
 * A clan on the clan leaderboard: ranked by its members' mean rating on a board (competition
 * ranking, clans without a rated member last); {@code rating} is null when no member is rated there.
 */
public record ClanStanding(int rank, ClanId clanId, String name, String tag, int members, Integer rating) {
}
