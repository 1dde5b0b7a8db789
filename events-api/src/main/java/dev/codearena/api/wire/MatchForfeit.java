package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import jakarta.validation.constraints.NotNull;

/** {@code match:forfeit}: the player gives up the match. */
public record MatchForfeit(@NotNull MatchId matchId) {
}
