package dev.codearena.api.clan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/clans}: found a clan; the signed-in player becomes its leader. */
public record CreateClanRequest(
        @NotBlank @Size(min = 3, max = 32) String name,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9]{2,5}", message = "must be 2-5 letters or digits") String tag) {
}
