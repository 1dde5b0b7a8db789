package dev.codearena.command.auth;

import dev.codearena.api.player.PlayerClass;
import java.util.Set;

/** A row of {@code gateway_account}. */
record Account(String accountId, String handle, String email, String passwordHash, PlayerClass playerClass,
               Set<Role> roles) {
}
