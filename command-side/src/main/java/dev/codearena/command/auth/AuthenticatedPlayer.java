package dev.codearena.command.auth;

import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import java.util.Set;

/** Who is on the other end of a request or connection, as the access token says. */
public record AuthenticatedPlayer(PlayerId playerId, String handle, PlayerClass playerClass, Set<Role> roles) {

    public AuthenticatedPlayer {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
