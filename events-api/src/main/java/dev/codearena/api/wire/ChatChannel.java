package dev.codearena.api.wire;

/** Where a chat message goes. */
public enum ChatChannel {
    /** The players of one match (spectators do not see it). */
    MATCH,
    /** The spectators of one match (players of that match do not see it while they play). */
    SPECTATORS,
    /** Everyone connected. */
    GLOBAL
}
