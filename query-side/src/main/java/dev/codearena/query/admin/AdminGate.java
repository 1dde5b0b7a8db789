package dev.codearena.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.error.ErrorDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Lets requests to {@value #PREFIX}** through only when {@link AdminAuthorization} says so; else 403 ADMIN_ONLY. */
final class AdminGate implements WebFilter {

    static final String PREFIX = "/api/admin/";

    private final AdminAuthorization authorization;
    private final ObjectMapper json;

    AdminGate(AdminAuthorization authorization, ObjectMapper json) {
        this.authorization = authorization;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PREFIX)) {
            return chain.filter(exchange);
        }
        return authorization.isAdmin(exchange).defaultIfEmpty(false).flatMap(admin -> admin ? chain.filter(exchange) : deny(exchange));
    }

    private Mono<Void> deny(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body;
        try {
            body = json.writeValueAsBytes(new ErrorDetails(ErrorCode.ADMIN_ONLY, ErrorCode.ADMIN_ONLY.defaultMessage()));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }
}
