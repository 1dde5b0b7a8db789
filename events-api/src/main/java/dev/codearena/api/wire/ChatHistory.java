package dev.codearena.api.wire;

import java.util.List;

/**
 * {@code chat:history}: the latest messages of a channel, oldest first, sent when you enter it
 * (global on connect, a match's on {@code match:join}, its spectators' on {@code spectate:join});
 * at most {@code codearena.chat.history-size} of them, removed ones left out.
 */
public record ChatHistory(ChatChannel channel, String matchId, List<ChatMessage> messages) {
}
