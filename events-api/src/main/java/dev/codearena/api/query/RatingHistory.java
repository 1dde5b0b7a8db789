package dev.codearena.api.query;

import dev.codearena.api.player.PlayerId;
import java.util.List;

/** A player's rating over time on one board (OVERALL or a mode), oldest first. */
public record RatingHistory(PlayerId playerId, String board, List<RatingPoint> points) {
}
