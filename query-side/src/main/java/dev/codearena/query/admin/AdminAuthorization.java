package dev.codearena.query.admin;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Decides whether a request to {@code /api/admin/**} comes from an admin. The seam for the gateway's
 * JWT security: declare a bean of this type (e.g. checking the {@code ADMIN} role of the authenticated
 * principal) and it replaces {@link HeaderTokenAdminAuthorization}.
 */
public interface AdminAuthorization {

    Mono<Boolean> isAdmin(ServerWebExchange exchange);
}
