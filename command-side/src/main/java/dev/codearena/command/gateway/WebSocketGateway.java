package dev.codearena.command.gateway;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
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
        return session.send(connections.serve(player, inbound).map(session::textMessage))
                .then(session.close());
    }
}
