package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import jakarta.validation.constraints.NotNull;

/** {@code spectate:join}: watch a live match read-only; answered by {@code match:state}, then the stream. */
public record SpectateJoin(@NotNull MatchId matchId) {
}
