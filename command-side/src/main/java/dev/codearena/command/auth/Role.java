package dev.codearena.command.auth;

/** What an account may do beyond playing. */
public enum Role {
    PLAYER,
    /** Manages problems, rebuilds read models, removes chat messages. */
    ADMIN
}
