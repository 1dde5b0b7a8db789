package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;

/**
 * A player of a match with the ratings they started it with (ratings are computed from these, so a
 * match's rating changes are a pure function of its own events).
 *
 * @param rating             rating in the match's mode at creation
 * @param gamesPlayed        rated games played in that mode before this match
 * @param overallRating      overall rating at creation
 * @param overallGamesPlayed rated games played in any mode before this match
 */
public record MatchPlayer(PlayerId playerId, String handle, int rating, int gamesPlayed, int overallRating, int overallGamesPlayed) {
}
