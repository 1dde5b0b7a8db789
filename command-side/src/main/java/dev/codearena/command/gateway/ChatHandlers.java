package dev.codearena.command.gateway;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.wire.Ack;
import dev.codearena.api.wire.ChatRemove;
import dev.codearena.api.wire.ChatSend;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.chat.ChatService;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The chat channel. Room rules: the match channel is for that match's players, the spectators'
 * channel for connections watching it (players of the match cannot spectate it), global for all.
 */
final class ChatHandlers implements MessageHandlers {

    private final ChatService chat;
    private final MatchRosters rosters;
    private final Frames frames;

    ChatHandlers(ChatService chat, MatchRosters rosters, Frames frames) {
        this.chat = chat;
        this.rosters = rosters;
        this.frames = frames;
    }

    @Override
    public Map<String, MessageHandler<?>> handlers() {
        Map<String, MessageHandler<?>> map = new LinkedHashMap<>();
        map.put(WireProtocol.CHAT_SEND, MessageHandler.of(ChatSend.class, this::authorise, (s, id, p) ->
                chat.send(s.player(), p.channel(), p.matchId() == null ? null : p.matchId().value(), p.text())
                        .doOnNext(m -> s.send(frames.reply(WireProtocol.ACK, id, new Ack(m.messageId())))).then()));
        map.put(WireProtocol.CHAT_REMOVE, MessageHandler.of(ChatRemove.class,
                (s, p) -> s.player().isAdmin() ? Mono.empty()
                        : Mono.error(CodeArenaException.rule(ErrorCode.FORBIDDEN, "Only admins remove chat messages.")),
                (s, id, p) -> chat.remove(s.player(), p.messageId())
                        .doOnNext(r -> s.send(frames.reply(WireProtocol.ACK, id, new Ack("removed " + r.messageId())))).then()));
        return map;
    }

    private Mono<Void> authorise(GatewaySession session, ChatSend send) {
        if (send.channel() == null || send.channel() == dev.codearena.api.wire.ChatChannel.GLOBAL) {
            return Mono.empty();
        }
        if (send.matchId() == null) {
            return Mono.error(CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "matchId: required for " + send.channel()));
        }
        String matchId = send.matchId().value();
        return switch (send.channel()) {
            case MATCH -> rosters.isPlayer(matchId, session.playerId()).flatMap(player -> player ? Mono.<Void>empty()
                    : Mono.error(CodeArenaException.rule(ErrorCode.NOT_IN_MATCH, "Only the match's players use its chat.")));
            case SPECTATORS -> session.spectating().contains(matchId) ? Mono.empty()
                    : Mono.error(CodeArenaException.rule(ErrorCode.FORBIDDEN, "Join the match as a spectator first (spectate:join)."));
            default -> Mono.empty();
        };
    }
}
