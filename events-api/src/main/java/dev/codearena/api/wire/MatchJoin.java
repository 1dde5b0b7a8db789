package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import jakarta.validation.constraints.NotNull;

/** {@code match:join}: a player (re)enters their match; answered by {@code match:state}, then the stream. */
public record MatchJoin(@NotNull MatchId matchId) {
}
