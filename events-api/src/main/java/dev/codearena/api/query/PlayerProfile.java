package dev.codearena.api.query;

import dev.codearena.api.clan.ClanId;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import java.time.Instant;
import java.util.List;

/** A player's public profile: class, ratings on every board played, clan (null if none). */
public record PlayerProfile(PlayerId playerId, String handle, PlayerClass playerClass, Instant registeredAt,
                            List<BoardRating> ratings, ClanId clanId) {
}
