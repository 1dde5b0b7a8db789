package dev.codearena.api.wire;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code lobby:join}: enter a private lobby by its code. */
public record LobbyJoin(@NotNull @Pattern(regexp = "[A-Z0-9]{6}") String code) {
}
