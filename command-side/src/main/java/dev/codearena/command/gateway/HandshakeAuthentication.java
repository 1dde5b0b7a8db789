package dev.codearena.command.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.wire.WireError;
import dev.codearena.command.auth.AccessTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Checks the access JWT of a WebSocket handshake on {@code /ws} before the upgrade: no token or a
 * bad one is answered {@code 401} with a typed error body and the connection is never opened.
 * Browsers cannot set headers on a WebSocket, so a browser offers the token as a second
 * subprotocol, {@code new WebSocket(url, ["codearena.jwt", token])} (the server selects
 * {@code codearena.jwt}; the token stays out of URLs and logs), or as the {@code access_token} query
 * parameter (nginx's config keeps it out of the access log); other clients send
 * {@code Authorization: Bearer ...}.
 */
final class HandshakeAuthentication implements WebFilter {

    private final AccessTokens tokens;
    private final ObjectMapper mapper;

    HandshakeAuthentication(AccessTokens tokens, ObjectMapper mapper) {
        this.tokens = tokens;
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!GatewayConfiguration.WEBSOCKET_PATH.equals(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        try {
            tokens.verify(tokenOf(request));
        } catch (CodeArenaException e) {
            return refuse(exchange, e);
        }
        return chain.filter(exchange);
    }

    /** The subprotocol a browser offers first, followed by its access token as the second one. */
    static final String TOKEN_SUBPROTOCOL = "codearena.jwt";

    static String tokenOf(org.springframework.web.reactive.socket.HandshakeInfo handshake) {
        return tokenOf(handshake.getHeaders(), org.springframework.web.util.UriComponentsBuilder.fromUri(handshake.getUri()).build()
                .getQueryParams().getFirst("access_token"));
    }

    static String tokenOf(ServerHttpRequest request) {
        return tokenOf(request.getHeaders(), request.getQueryParams().getFirst("access_token"));
    }

    private static String tokenOf(HttpHeaders headers, String queryParameter) {
        String header = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        java.util.List<String> offered = headers.getValuesAsList("Sec-WebSocket-Protocol");
        if (offered.contains(TOKEN_SUBPROTOCOL)) {
            return offered.stream().filter(p -> !p.equals(TOKEN_SUBPROTOCOL)).findFirst().orElse(null);
        }
        return queryParameter;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, CodeArenaException e) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(WireError.of(ErrorCode.UNAUTHENTICATED, e.getMessage()));
        } catch (JsonProcessingException ex) {
            body = new byte[0];
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
