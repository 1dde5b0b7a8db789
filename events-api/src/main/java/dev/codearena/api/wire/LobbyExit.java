package dev.codearena.api.wire;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code lobby:exit}: leave a private lobby (the host leaving closes it). */
public record LobbyExit(@NotNull @Pattern(regexp = "[A-Z0-9]{6}") String code) {
}
