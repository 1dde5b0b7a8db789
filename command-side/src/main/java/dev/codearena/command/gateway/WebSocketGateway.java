package dev.codearena.command.gateway;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import java.lang.reflect.Method;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

/** {@code /ws}: JSON text frames in and out; the connection was authenticated at the handshake. */
final class WebSocketGateway implements WebSocketHandler {

    private final Connections connections;
    private final AccessTokens tokens;

    WebSocketGateway(Connections connections, AccessTokens tokens) {
        this.connections = connections;
        this.tokens = tokens;
    }

    /** Selected when a browser passes its token as a subprotocol (see {@link HandshakeAuthentication}). */
    @Override
    public java.util.List<String> getSubProtocols() {
        return java.util.List.of(HandshakeAuthentication.TOKEN_SUBPROTOCOL);
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        // HandshakeAuthentication refused bad tokens before the upgrade; read the same token again
        // from the handshake (a cheap HMAC check) rather than rely on attributes surviving the upgrade.
        AuthenticatedPlayer player;
        try {
            player = tokens.verify(HandshakeAuthentication.tokenOf(session.getHandshakeInfo()));
        } catch (CodeArenaException e) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("unauthenticated"));
        }
        var inbound = session.receive()
                .filter(m -> m.getType() == WebSocketMessage.Type.TEXT || m.getType() == WebSocketMessage.Type.BINARY)
                .map(WebSocketMessage::getPayloadAsText);
        Channel channel = directChannelOf(session);
        if (channel == null) {
            return session.send(connections.serve(player, inbound).map(session::textMessage)).then(session.close());
        }
        return connections.serve(player, inbound, channel).then(session.close());
    }

    /**
     * The Netty channel of the session, when the gateway can write its own encoded frames to it
     * ({@link WebSocketOutbound}): a Reactor Netty connection without per-message compression.
     * {@code null} otherwise (then frames go through Reactor Netty's send, as for RSocket). Spring
     * keeps the connection behind a protected accessor, hence the reflection, done once per connection.
     */
    static Channel directChannelOf(WebSocketSession session) {
        if (!(session instanceof ReactorNettyWebSocketSession netty) || DELEGATE == null) {
            return null;
        }
        try {
            var connection = (ReactorNettyWebSocketSession.WebSocketConnection) DELEGATE.invoke(netty);
            AtomicReference<Channel> channel = new AtomicReference<>();
            connection.getInbound().withConnection(c -> channel.set(c.channel()));
            Channel found = channel.get();
            return found == null || found.pipeline().get(NettyPipeline.WsCompressionHandler) != null ? null : found;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static final Method DELEGATE = delegateAccessor();

    private static Method delegateAccessor() {
        try {
            Method method = AbstractWebSocketSession.class.getDeclaredMethod("getDelegate");
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
