package dev.codearena.api.wire;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code lobby:start}: the host starts the match; every member receives {@code lobby:found}. */
public record LobbyStart(@NotNull @Pattern(regexp = "[A-Z0-9]{6}") String code) {
}
