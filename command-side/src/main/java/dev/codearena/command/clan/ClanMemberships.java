package dev.codearena.command.clan;

import dev.codearena.api.clan.ClanId;
import dev.codearena.api.player.PlayerId;
import java.util.Optional;

/**
 * Which clan a player is in, across all Clan aggregates: what the one-clan-per-player rule is
 * checked against. A command handler parameter, so fixtures can give their own.
 */
public interface ClanMemberships {

    Optional<ClanId> clanOf(PlayerId player);
}
