package dev.codearena.command.gateway;

import dev.codearena.api.wire.SessionWelcome;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.auth.AuthenticatedPlayer;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The life of one authenticated connection, independent of the transport: register it, put it in
 * its personal and global rooms, run every inbound frame through the {@link MessagePipeline} in
 * order, and on close take it out of every room.
 */
final class Connections {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Connections.class);

    private final Sessions sessions;
    private final RoomHub rooms;
    private final MessagePipeline pipeline;
    private final Frames frames;
    private final Clock clock;
    private final int outboundBuffer;
    private final org.springframework.data.redis.core.ReactiveStringRedisTemplate redis;
    private final ChatHistories chatHistories;

    Connections(Sessions sessions, RoomHub rooms, MessagePipeline pipeline, Frames frames, Clock clock, int outboundBuffer,
                org.springframework.data.redis.core.ReactiveStringRedisTemplate redis, ChatHistories chatHistories) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.pipeline = pipeline;
        this.frames = frames;
        this.clock = clock;
        this.outboundBuffer = outboundBuffer;
        this.redis = redis;
        this.chatHistories = chatHistories;
    }

    /**
     * Serves one connection whose frames go through a queue (RSocket): returns the frames to send;
     * consumes {@code inbound}. The returned flux ends when the client goes away, the inbound side
     * completes or the client is too slow.
     */
    Flux<String> serve(AuthenticatedPlayer player, Flux<String> inbound) {
        GatewaySession session = new GatewaySession(player, outboundBuffer);
        return Flux.merge(session.outbound(), run(session, inbound).thenMany(Flux.<String>empty()))
                .doFinally(signal -> close(session));
    }

    /**
     * Serves one WebSocket connection whose frames are written straight to its channel (see
     * {@link WebSocketOutbound}); consumes {@code inbound}; completes when the inbound side does
     * (the client went away, or was closed for being too slow).
     */
    Mono<Void> serve(AuthenticatedPlayer player, Flux<String> inbound, io.netty.channel.Channel channel) {
        GatewaySession session = new GatewaySession(player, new WebSocketOutbound(channel, outboundBuffer));
        return run(session, inbound).doFinally(signal -> close(session));
    }

    private Mono<Void> run(GatewaySession session, Flux<String> inbound) {
        AuthenticatedPlayer player = session.player();
        sessions.add(session);
        log.debug("connection {} of {} opened", session.connectionId(), player.handle());
        Mono<Void> setup = Flux.fromIterable(List.of(Channels.user(session.playerId()), Channels.GLOBAL_CHAT))
                .concatMap(channel -> {
                    session.rooms().add(channel);
                    return rooms.join(channel, session).doOnSuccess(v -> log.debug("{} joined {}", session.connectionId(), channel));
                })
                .then(Mono.fromRunnable(() -> session.send(frames.push(WireProtocol.WELCOME, new SessionWelcome(
                        player.playerId(), player.handle(), player.playerClass(),
                        player.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                        session.connectionId(), clock.instant())))))
                .then(chatHistories.send(session, dev.codearena.api.wire.ChatChannel.GLOBAL, null));
        Mono<Void> reading = inbound
                .filter(frame -> !frame.isBlank()) // RSocket channels open with an (empty) first payload
                .concatMap(frame -> pipeline.handle(session, frame)
                        .onErrorResume(e -> {
                            session.send(pipeline.toError(null, e));
                            return Mono.empty();
                        }))
                .then(Mono.fromRunnable(session::close));
        return setup.then(reading);
    }

    private void close(GatewaySession session) {
        session.close();
        session.rooms().forEach(channel -> rooms.leave(channel, session));
        session.rooms().clear();
        sessions.remove(session);
        session.spectating().forEach(matchId -> MatchHandlers.uncount(redis, matchId).subscribe(null,
                e -> log.debug("spectator count of {} not decremented", matchId, e)));
        session.spectating().clear();
    }
}
