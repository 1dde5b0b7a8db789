package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import jakarta.validation.constraints.NotNull;

/** {@code match:leave}: stop receiving a match's stream on this connection (does not forfeit). */
public record MatchLeave(@NotNull MatchId matchId) {
}
