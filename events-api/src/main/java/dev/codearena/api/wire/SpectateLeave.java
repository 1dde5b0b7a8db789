package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import jakarta.validation.constraints.NotNull;

/** {@code spectate:leave}: stop watching. */
public record SpectateLeave(@NotNull MatchId matchId) {
}
