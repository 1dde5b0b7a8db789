package dev.codearena.api.wire;

/** {@code chat:removed}: an admin removed a message; clients hide it. */
public record ChatRemoved(String messageId, ChatChannel channel, String matchId) {
}
