package dev.codearena.api.clan;

import java.util.List;

/**
 * {@code GET /api/me/clan}: the signed-in player's clan (all null when in none) and open invitations,
 * read from the command side's membership lookup, which is up to date as soon as a command returns.
 */
public record MyClan(ClanId clanId, String name, String tag, ClanRole role, List<ClanInvitation> invitations) {

    public MyClan {
        invitations = invitations == null ? List.of() : List.copyOf(invitations);
    }
}
