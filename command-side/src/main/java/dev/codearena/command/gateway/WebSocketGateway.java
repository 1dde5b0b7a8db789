package dev.codearena.command.gateway;

import dev.codearena.command.auth.AuthenticatedPlayer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/** {@code /ws}: JSON text frames in and out; the connection was authenticated at the handshake. */
final class WebSocketGateway implements WebSocketHandler {

    private final Connections connections;

    WebSocketGateway(Connections connections) {
        this.connections = connections;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        Object attribute = session.getAttributes().get(HandshakeAuthentication.PLAYER_ATTRIBUTE);
        if (!(attribute instanceof AuthenticatedPlayer player)) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("unauthenticated"));
        }
        var inbound = session.receive()
                .filter(m -> m.getType() == WebSocketMessage.Type.TEXT || m.getType() == WebSocketMessage.Type.BINARY)
                .map(WebSocketMessage::getPayloadAsText);
        return session.send(connections.serve(player, inbound).map(session::textMessage))
                .then(session.close());
    }
}
