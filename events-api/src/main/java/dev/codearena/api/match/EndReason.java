package dev.codearena.api.match;


/**
 * Why a match ended.
 */
public enum EndReason {
    TIME_UP,
    ALL_PROBLEMS_LOCKED,
    UNASSAILABLE_LEAD,
    LAST_PLAYER_STANDING,
    ROUNDS_EXHAUSTED,
    ALL_REPAIRED,
    FORFEIT
}
