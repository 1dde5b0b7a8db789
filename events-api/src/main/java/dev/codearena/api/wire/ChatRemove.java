package dev.codearena.api.wire;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code chat:remove}: an admin removes a message; everyone in its channel receives {@code chat:removed}. */
public record ChatRemove(@NotBlank @Size(max = 64) String messageId) {
}
