package dev.codearena.api.query;

import dev.codearena.api.player.PlayerId;

/**
 * A row of a leaderboard. {@code rank} is competition ranking: 1 + the number of players rated strictly
 * higher on the same board (equal ratings share a rank; the list breaks ties by player id).
 */
public record LeaderboardEntry(int rank, PlayerId playerId, String handle, int rating, int games) {
}
