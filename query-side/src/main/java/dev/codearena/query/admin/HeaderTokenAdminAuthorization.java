package dev.codearena.query.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Stand-in until JWT roles arrive: a request is an admin's if it carries header {@value #HEADER} equal to
 * {@code codearena.query.admin-token}. With no token configured, nobody is an admin.
 */
final class HeaderTokenAdminAuthorization implements AdminAuthorization {

    static final String HEADER = "X-Admin-Token";

    private final byte[] token;

    HeaderTokenAdminAuthorization(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Boolean> isAdmin(ServerWebExchange exchange) {
        String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
        return Mono.just(token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8)));
    }
}
