package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import jakarta.validation.constraints.NotNull;

/**
 * {@code match:code}: a Sabotage player asks for the code they work on, answered by {@code match:code}
 * ({@link SabotageCode}). Only players of the match may ask, and each gets only their own assignment.
 */
public record MatchCodeRequest(@NotNull MatchId matchId) {
}
