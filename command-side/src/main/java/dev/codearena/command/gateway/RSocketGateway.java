package dev.codearena.command.gateway;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import io.rsocket.exceptions.RejectedSetupException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.annotation.ConnectMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The same protocol over RSocket (over WebSocket on {@code /rsocket}, and over TCP): the SETUP frame
 * carries the access token as its data (a bad one rejects the connection), then one request-channel
 * on route {@code gateway} carries the same JSON envelopes as the WebSocket, both ways. RSocket sends
 * a channel's request with its first payload, so a client that has nothing to say yet opens the
 * channel with an empty frame (blank frames are ignored).
 */
@Controller
class RSocketGateway {

    private final AccessTokens tokens;
    private final Connections connections;
    private final Map<RSocketRequester, AuthenticatedPlayer> players = new ConcurrentHashMap<>();

    RSocketGateway(AccessTokens tokens, Connections connections) {
        this.tokens = tokens;
        this.connections = connections;
    }

    @ConnectMapping
    Mono<Void> connect(RSocketRequester requester, @Payload(required = false) String token) {
        AuthenticatedPlayer player;
        try {
            player = tokens.verify(token == null ? null : token.trim());
        } catch (CodeArenaException e) {
            return Mono.error(new RejectedSetupException("UNAUTHENTICATED: " + e.getMessage()));
        }
        players.put(requester, player);
        var rsocket = requester.rsocket();
        if (rsocket != null) {
            rsocket.onClose().doFinally(s -> players.remove(requester)).subscribe();
        }
        return Mono.empty();
    }

    @MessageMapping("gateway")
    Flux<String> channel(RSocketRequester requester, @Payload Flux<String> inbound) {
        AuthenticatedPlayer player = players.get(requester);
        if (player == null) {
            return Flux.error(new RejectedSetupException("UNAUTHENTICATED: send the access token as SETUP data"));
        }
        return connections.serve(player, inbound);
    }
}
