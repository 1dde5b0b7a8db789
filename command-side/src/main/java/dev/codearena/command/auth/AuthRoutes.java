package dev.codearena.command.auth;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.wire.WireError;
import dev.codearena.command.http.RestSupport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * {@code /api/auth/*}: JSON in, JSON out; the refresh token only ever travels in an HttpOnly,
 * Secure, SameSite=Strict cookie scoped to {@code /api/auth}. Errors are {@code {code, message}}.
 */
class AuthRoutes {

    private final AccountService accounts;
    private final RestSupport rest;
    private final AuthProperties properties;

    AuthRoutes(AccountService accounts, RestSupport rest, AuthProperties properties) {
        this.accounts = accounts;
        this.rest = rest;
        this.properties = properties;
    }

    Mono<ServerResponse> register(ServerRequest request) {
        return rest.body(request, AuthRequests.Register.class).flatMap(accounts::register)
                .flatMap(session -> sessionResponse(HttpStatus.CREATED, session))
                .onErrorResume(AuthRoutes::error);
    }

    Mono<ServerResponse> login(ServerRequest request) {
        return rest.body(request, AuthRequests.Login.class)
                .flatMap(login -> accounts.login(login, clientAddress(request)))
                .flatMap(session -> sessionResponse(HttpStatus.OK, session))
                .onErrorResume(AuthRoutes::error);
    }

    Mono<ServerResponse> refresh(ServerRequest request) {
        return accounts.refresh(refreshCookie(request))
                .flatMap(session -> sessionResponse(HttpStatus.OK, session))
                .onErrorResume(e -> error(e).map(r -> r)); // keep the stale cookie: the client signs in again
    }

    Mono<ServerResponse> logout(ServerRequest request) {
        return accounts.logout(refreshCookie(request))
                .then(ServerResponse.noContent().cookie(cookie("", Duration.ZERO)).build());
    }

    Mono<ServerResponse> me(ServerRequest request) {
        return rest.caller(request)
                .flatMap(player -> ServerResponse.ok().bodyValue(player))
                .onErrorResume(AuthRoutes::error);
    }

    /** {@code POST /api/auth/class {"playerClass"}} with the access token: choose or change class; answers a new access token. */
    Mono<ServerResponse> chooseClass(ServerRequest request) {
        return rest.caller(request)
                .flatMap(player -> rest.body(request, AuthRequests.ChooseClass.class)
                        .flatMap(choice -> accounts.changeClass(player, choice.playerClass())))
                .flatMap(session -> ServerResponse.ok().bodyValue(sessionBody(session)))
                .onErrorResume(AuthRoutes::error);
    }

    private Mono<ServerResponse> sessionResponse(HttpStatus status, Session session) {
        return ServerResponse.status(status)
                .cookie(cookie(session.refreshToken(), properties.refreshTokenTtl()))
                .bodyValue(sessionBody(session));
    }

    private static Map<String, Object> sessionBody(Session session) {
        return Map.of(
                "accessToken", session.accessToken(),
                "tokenType", "Bearer",
                "expiresIn", session.expiresInSeconds(),
                "player", session.player());
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return refreshCookie(properties, value, maxAge);
    }

    /** The refresh cookie, as password sign-in and OAuth2 sign-in both set it. */
    static ResponseCookie refreshCookie(AuthProperties properties, String value, Duration maxAge) {
        return ResponseCookie.from(AuthProperties.REFRESH_COOKIE, value)
                .httpOnly(true)
                .secure(properties.cookieSecure())
                .sameSite("Strict")
                .path(AuthProperties.REFRESH_COOKIE_PATH)
                .maxAge(maxAge)
                .build();
    }

    private static String refreshCookie(ServerRequest request) {
        HttpCookie cookie = request.cookies().getFirst(AuthProperties.REFRESH_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** The peer address; behind nginx, the last hop it appended (nginx sets X-Real-IP). */
    private static String clientAddress(ServerRequest request) {
        String real = request.headers().firstHeader("X-Real-IP");
        if (real != null && !real.isBlank()) {
            return real.trim();
        }
        return request.remoteAddress().map(InetSocketAddress::getAddress).map(a -> a.getHostAddress()).orElse("unknown");
    }

    static Mono<ServerResponse> error(Throwable failure) {
        if (failure instanceof CodeArenaException e) {
            HttpStatus status = switch (e.code()) {
                case UNAUTHENTICATED, INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN -> HttpStatus.UNAUTHORIZED;
                case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
                case REGISTRATION_REJECTED -> HttpStatus.CONFLICT;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                default -> e.kind() == CodeArenaException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
            };
            return ServerResponse.status(status).bodyValue(WireError.of(e.code(), e.getMessage()));
        }
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof CodeArenaException)) {
            cause = cause.getCause();
        }
        if (cause instanceof CodeArenaException e) {
            return error(e);
        }
        if (failure instanceof ServerWebInputException) {
            return ServerResponse.badRequest().bodyValue(WireError.of(ErrorCode.VALIDATION_FAILED, null));
        }
        org.slf4j.LoggerFactory.getLogger(AuthRoutes.class).error("auth request failed", failure);
        return ServerResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).bodyValue(WireError.of(ErrorCode.INTERNAL_ERROR, null));
    }
}
