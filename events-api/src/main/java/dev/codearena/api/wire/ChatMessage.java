package dev.codearena.api.wire;

import java.time.Instant;

/** {@code chat:message}: a message said in a channel you are in. */
public record ChatMessage(String messageId, ChatChannel channel, String matchId, String playerId, String handle,
                          String text, Instant sentAt) {
}
