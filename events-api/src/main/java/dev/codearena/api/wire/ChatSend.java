package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code chat:send}: say something; {@code matchId} is required for MATCH and SPECTATORS. */
public record ChatSend(@NotNull ChatChannel channel, MatchId matchId, @NotBlank @Size(max = 500) String text) {
}
