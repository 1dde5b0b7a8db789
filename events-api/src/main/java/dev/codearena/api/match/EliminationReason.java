package dev.codearena.api.match;


/**
 * Why a Battle Royale player left the game.
 */
public enum EliminationReason {
    /** No Accepted solution when the round ended. */
    NOT_SOLVED,
    /** Everybody solved and the player was in the slowest quarter. */
    SLOWEST,
    FORFEIT
}
