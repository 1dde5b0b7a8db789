package dev.codearena.command.gateway;

import dev.codearena.api.wire.LobbyConfigure;
import dev.codearena.api.wire.LobbyCreate;
import dev.codearena.api.wire.LobbyExit;
import dev.codearena.api.wire.LobbyJoin;
import dev.codearena.api.wire.LobbyStart;
import dev.codearena.api.wire.QueueJoin;
import dev.codearena.api.wire.QueueLeave;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.matchmaking.Matchmaking;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lobby channel: rated queues and private lobbies. Replies go to the requesting connection;
 * lobby changes ({@code lobby:update}) and {@code lobby:found} reach every member through their
 * personal rooms, on whichever instance they are connected.
 */
final class LobbyHandlers implements MessageHandlers {

    private final Matchmaking matchmaking;
    private final Frames frames;

    LobbyHandlers(Matchmaking matchmaking, Frames frames) {
        this.matchmaking = matchmaking;
        this.frames = frames;
    }

    @Override
    public Map<String, MessageHandler<?>> handlers() {
        Map<String, MessageHandler<?>> map = new LinkedHashMap<>();
        map.put(WireProtocol.QUEUE_JOIN, MessageHandler.of(QueueJoin.class, (s, id, p) ->
                matchmaking.joinQueue(s.player(), p.mode())
                        .doOnNext(status -> s.send(frames.reply(WireProtocol.QUEUED, id, status))).then()));
        map.put(WireProtocol.QUEUE_LEAVE, MessageHandler.of(QueueLeave.class, (s, id, p) ->
                matchmaking.leaveQueue(s.player(), p.mode())
                        .doOnNext(status -> s.send(frames.reply(WireProtocol.LEFT, id, status))).then()));
        map.put(WireProtocol.LOBBY_CREATE, MessageHandler.of(LobbyCreate.class, (s, id, p) ->
                matchmaking.createLobby(s.player(), p.mode(), p.settings())
                        .doOnNext(lobby -> s.send(frames.reply(WireProtocol.LOBBY_UPDATE, id, lobby))).then()));
        map.put(WireProtocol.LOBBY_JOIN, MessageHandler.of(LobbyJoin.class, (s, id, p) ->
                matchmaking.joinLobby(s.player(), p.code())
                        .doOnNext(lobby -> s.send(frames.reply(WireProtocol.LOBBY_UPDATE, id, lobby))).then()));
        map.put(WireProtocol.LOBBY_EXIT, MessageHandler.of(LobbyExit.class, (s, id, p) ->
                matchmaking.exitLobby(s.player(), p.code())
                        .doOnNext(lobby -> s.send(frames.reply(WireProtocol.LOBBY_UPDATE, id, lobby))).then()));
        map.put(WireProtocol.LOBBY_SETTINGS, MessageHandler.of(LobbyConfigure.class, (s, id, p) ->
                matchmaking.configureLobby(s.player(), p.code(), p.mode(), p.settings())
                        .doOnNext(lobby -> s.send(frames.reply(WireProtocol.LOBBY_UPDATE, id, lobby))).then()));
        map.put(WireProtocol.LOBBY_START, MessageHandler.of(LobbyStart.class, (s, id, p) ->
                matchmaking.startLobby(s.player(), p.code())
                        .doOnNext(found -> s.send(frames.reply(WireProtocol.FOUND, id, found))).then()));
        return map;
    }
}
