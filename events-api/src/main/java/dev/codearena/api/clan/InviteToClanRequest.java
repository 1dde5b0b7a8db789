package dev.codearena.api.clan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/clans/{clanId}/invitations}: a leader or officer invites a player by handle. */
public record InviteToClanRequest(@NotBlank @Size(min = 3, max = 20) String handle) {
}
