package dev.codearena.api.player;


/**
 * The archetype a player picks: shown on the profile and in the JWT, sets cosmetic editor options, never
 * changes the rules.
 */
public enum PlayerClass {
    HACKER, ARCHITECT, SPEEDRUNNER, GOLFER, SABOTEUR
}
