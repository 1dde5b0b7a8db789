package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;

/**
 * A player's final place. Equal places mean a tie (draw).
 *
 * @param place      1 = winner; tied players share a place
 * @param score      Blitz points, Golf best length in bytes (-1: no Accepted source), Battle Royale rounds
 *                   survived, Sabotage points
 * @param decisiveAt the tie-break time (Blitz: last lock, Golf: when the best length was reached,
 *                   Battle Royale: elimination time), or null
 * @param forfeited  whether the player forfeited
 */
public record Standing(PlayerId playerId, int place, int score, Instant decisiveAt, boolean forfeited) {
}
