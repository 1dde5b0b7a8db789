package dev.codearena.api.wire;

import dev.codearena.api.match.MatchMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code lobby:settings}: the host changes the mode or settings of a private lobby. */
public record LobbyConfigure(@NotNull @Pattern(regexp = "[A-Z0-9]{6}") String code, MatchMode mode,
                             @Valid LobbySettings settings) {
}
