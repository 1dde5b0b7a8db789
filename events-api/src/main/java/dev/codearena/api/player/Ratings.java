package dev.codearena.api.player;


/**
 * Rating constants shared by the command side (Elo) and read models.
 */
public final class Ratings {

    /** Rating of a new player in every mode and overall. */
    public static final int INITIAL_RATING = 1500;

    private Ratings() {
    }
}
