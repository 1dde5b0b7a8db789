package dev.codearena.api.query;

import dev.codearena.api.player.PlayerId;

/** A player's own place on a board ({@code board}: OVERALL or a mode), out of {@code rankedPlayers}. */
public record PlayerRank(String board, PlayerId playerId, String handle, int rank, int rating, int games, long rankedPlayers) {
}
