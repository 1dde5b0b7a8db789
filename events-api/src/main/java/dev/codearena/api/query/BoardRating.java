package dev.codearena.api.query;

/** A player's current rating on one board. */
public record BoardRating(String board, int rating, int games) {
}
