package dev.codearena.command.gateway;

import dev.codearena.api.wire.ChatChannel;
import dev.codearena.api.wire.ChatHistory;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.chat.ChatService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Sends a connection the recent messages of a chat channel it has just entered. Sent after the
 * connection is in the room, so a message said meanwhile may arrive twice (same {@code messageId})
 * but is never missed. History is a courtesy: failing to read it never fails the join.
 */
final class ChatHistories {

    private static final Logger log = LoggerFactory.getLogger(ChatHistories.class);

    private final ChatService chat;
    private final Frames frames;
    private final int size;

    ChatHistories(ChatService chat, Frames frames, int size) {
        this.chat = chat;
        this.frames = frames;
        this.size = size;
    }

    Mono<Void> send(GatewaySession session, ChatChannel channel, String matchId) {
        if (size <= 0) {
            return Mono.empty();
        }
        return chat.recent(channel, matchId, size)
                .doOnNext(messages -> session.send(frames.push(WireProtocol.CHAT_HISTORY, new ChatHistory(channel, matchId, messages))))
                .onErrorResume(e -> {
                    log.warn("chat history of {} {} not sent to {}", channel, matchId, session.connectionId(), e);
                    return Mono.empty();
                })
                .then();
    }
}
