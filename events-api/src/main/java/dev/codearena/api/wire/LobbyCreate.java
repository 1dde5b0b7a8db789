package dev.codearena.api.wire;

import dev.codearena.api.match.MatchMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code lobby:create}: open a private lobby; answered by {@code lobby:update} carrying its code. */
public record LobbyCreate(@NotNull MatchMode mode, @Valid LobbySettings settings) {
}
