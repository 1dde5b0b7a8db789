package dev.codearena.api.wire;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Host settings of a private lobby; a null field keeps the mode's default.
 *
 * @param durationSeconds Blitz/Golf length of the match
 * @param problemCount    Blitz problems (or Battle Royale rounds)
 * @param difficulty      highest problem difficulty to draw (1 easiest)
 * @param maxPlayers      room size
 */
public record LobbySettings(
        @Min(60) @Max(14_400) Integer durationSeconds,
        @Min(1) @Max(10) Integer problemCount,
        @Min(1) @Max(10) Integer difficulty,
        @Min(2) @Max(100) Integer maxPlayers) {
}
