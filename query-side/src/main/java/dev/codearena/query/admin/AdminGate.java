package dev.codearena.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.error.ErrorDetails;
import dev.codearena.platform.security.AccessTokenVerifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Only admins reach {@value #PREFIX}**: the request must carry {@code Authorization: Bearer <access token>}, a
 * token command-side issued (verified with the shared key, see {@link AccessTokenVerifier}) whose roles include
 * {@code ADMIN}. No or a bad token: 401 {@code UNAUTHENTICATED}; a valid token without the role: 403
 * {@code ADMIN_ONLY}.
 */
final class AdminGate implements WebFilter {

    static final String PREFIX = "/api/admin/";

    private final AccessTokenVerifier tokens;
    private final ObjectMapper json;

    AdminGate(AccessTokenVerifier tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(PREFIX) && !path.equals(PREFIX.substring(0, PREFIX.length() - 1))) {
            return chain.filter(exchange);
        }
        String token = AccessTokenVerifier.bearerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        AccessTokenVerifier.VerifiedAccessToken caller;
        try {
            caller = tokens.verify(token);
        } catch (CodeArenaException e) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return deny(exchange, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED);
        }
        return caller.hasRole(AccessTokenVerifier.ADMIN_ROLE) ? chain.filter(exchange)
                : deny(exchange, HttpStatus.FORBIDDEN, ErrorCode.ADMIN_ONLY);
    }

    private Mono<Void> deny(ServerWebExchange exchange, HttpStatus status, ErrorCode code) {
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body;
        try {
            body = json.writeValueAsBytes(new ErrorDetails(code, code.defaultMessage()));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }
}
