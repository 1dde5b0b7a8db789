package dev.codearena.command.gateway;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.core.publisher.Mono;

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
        return session.send(connections.serve(player, inbound, eventLoopOf(session)).map(session::textMessage))
                .then(session.close());
    }

    /**
     * The Netty event loop of the session's channel, so room fan-out writes from it ({@link FanOut});
     * {@code null} (plain delivery) when the session is not a Reactor Netty one. Spring keeps the
     * connection behind a protected accessor, hence the reflection, done once per connection.
     */
    static Executor eventLoopOf(WebSocketSession session) {
        if (!(session instanceof ReactorNettyWebSocketSession netty) || DELEGATE == null) {
            return null;
        }
        try {
            var connection = (ReactorNettyWebSocketSession.WebSocketConnection) DELEGATE.invoke(netty);
            AtomicReference<Executor> loop = new AtomicReference<>();
            connection.getInbound().withConnection(c -> loop.set(c.channel().eventLoop()));
            return loop.get();
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
