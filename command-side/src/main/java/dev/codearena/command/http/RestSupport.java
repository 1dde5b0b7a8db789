package dev.codearena.command.http;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.wire.WireError;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * What the write side's REST routes share: the caller from the {@code Authorization: Bearer}
 * access token, bean validation of the {@code events-api} request records, and one mapping from
 * refusals to {@code {code, message}} answers with a fitting status.
 */
public final class RestSupport {

    private static final Logger log = LoggerFactory.getLogger(RestSupport.class);

    private final AccessTokens tokens;
    private final Validator validator;

    public RestSupport(AccessTokens tokens, Validator validator) {
        this.tokens = tokens;
        this.validator = validator;
    }

    /** The signed-in player, or {@code UNAUTHENTICATED}. */
    public Mono<AuthenticatedPlayer> caller(ServerRequest request) {
        String header = request.headers().firstHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
        return Mono.fromCallable(() -> tokens.verify(token));
    }

    /** The signed-in player if the token carries the ADMIN role; {@code UNAUTHENTICATED} or {@code ADMIN_ONLY}. */
    public Mono<AuthenticatedPlayer> admin(ServerRequest request) {
        return caller(request).map(player -> {
            if (!player.isAdmin()) {
                throw CodeArenaException.rule(ErrorCode.ADMIN_ONLY, null);
            }
            return player;
        });
    }

    public <T> Mono<T> body(ServerRequest request, Class<T> type) {
        return request.bodyToMono(type)
                .onErrorMap(e -> !(e instanceof CodeArenaException),
                        e -> CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "The body is not valid JSON for this request."))
                .switchIfEmpty(Mono.error(() -> CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "A JSON body is required.")))
                .map(this::valid);
    }

    public <T> T valid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return value;
    }

    /**
     * Maps a failure to an answer. {@code translate} turns failures a route knows about (a missing
     * aggregate, a unique key) into a typed refusal first; it returns null for the rest.
     */
    public static Mono<ServerResponse> error(Throwable failure, Function<Throwable, CodeArenaException> translate) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CodeArenaException e) {
                return respond(e);
            }
            CodeArenaException translated = translate.apply(cause);
            if (translated != null) {
                return respond(translated);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (failure instanceof ServerWebInputException) {
            return ServerResponse.badRequest().bodyValue(WireError.of(ErrorCode.VALIDATION_FAILED, null));
        }
        log.error("request failed", failure);
        return ServerResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).bodyValue(WireError.of(ErrorCode.INTERNAL_ERROR, null));
    }

    /** @return true if {@code failure} is Axon's "no such aggregate" */
    public static boolean isMissingAggregate(Throwable failure) {
        return failure instanceof AggregateNotFoundException;
    }

    private static Mono<ServerResponse> respond(CodeArenaException e) {
        HttpStatus status = switch (e.code()) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN, ADMIN_ONLY, CLAN_PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case TEST_ARCHIVE_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            default -> switch (e.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case RULE_VIOLATION -> HttpStatus.CONFLICT;
                case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            };
        };
        return ServerResponse.status(status).bodyValue(WireError.of(e.code(), e.getMessage()));
    }
}
