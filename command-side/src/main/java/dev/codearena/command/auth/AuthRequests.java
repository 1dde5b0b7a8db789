package dev.codearena.command.auth;

import dev.codearena.api.player.PlayerClass;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the {@code /api/auth} endpoints (documented in docs/protocol.md). */
final class AuthRequests {

    private AuthRequests() {
    }

    record Register(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{3,20}", message = "handles are 3-20 letters, digits, '_' or '-'") String handle,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 128, message = "passwords are 10-128 characters") String password,
            @NotNull PlayerClass playerClass) {
    }

    record Login(@NotBlank @Size(max = 254) String login, @NotNull @Size(max = 128) String password) {
    }

    record ChooseClass(@NotNull PlayerClass playerClass) {
    }
}
