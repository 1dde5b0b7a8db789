package dev.codearena.query.api;

import dev.codearena.api.fairplay.FairPlayFlag;
import dev.codearena.api.fairplay.FairPlayFlagDetail;
import dev.codearena.api.fairplay.ReviewFlagRequest;
import dev.codearena.api.query.ResultPage;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.platform.security.AccessTokenVerifier;
import dev.codearena.query.fairplay.FairPlayQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Admin-only (under {@code /api/admin}, so behind the same admin guard as the rebuild API): review the
 * fair-play flags (docs/fair-play.md). Errors: 400 VALIDATION_FAILED, 401 UNAUTHENTICATED, 403 ADMIN_ONLY, 404
 * FAIR_PLAY_FLAG_NOT_FOUND, 503 READ_MODEL_REBUILDING while the fair-play read model is rebuilt.
 */
@Tag(name = "admin")
@RestController
@RequestMapping(path = "/api/admin/fair-play/flags", produces = MediaType.APPLICATION_JSON_VALUE)
class FairPlayRestController {

    private final FairPlayQueries fairPlay;
    private final AccessTokenVerifier tokens;

    FairPlayRestController(FairPlayQueries fairPlay, AccessTokenVerifier tokens) {
        this.fairPlay = fairPlay;
        this.tokens = tokens;
    }

    @Operation(summary = "Fair-play flags, most recently updated first (no code)")
    @GetMapping
    Mono<ResultPage<FairPlayFlag>> flags(
            @Parameter(description = "OPEN, DISMISSED or CONFIRMED") @RequestParam(required = false) String status,
            @Parameter(description = "PLAGIARISM, BOT_SPEED, BOT_REGULARITY or COLLUSION") @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return fairPlay.flags(status, kind, page, size);
    }

    @Operation(summary = "One flag with its evidence, the flagged submissions' code and its reviews")
    @ApiResponse(responseCode = "404", description = "FAIR_PLAY_FLAG_NOT_FOUND")
    @GetMapping("/{flagId}")
    Mono<FairPlayFlagDetail> flag(@PathVariable String flagId) {
        return fairPlay.flag(flagId);
    }

    @Operation(summary = "Confirm or dismiss a flag (or reopen it) with a note; kept across read-model rebuilds")
    @ApiResponse(responseCode = "404", description = "FAIR_PLAY_FLAG_NOT_FOUND")
    @PostMapping(path = "/{flagId}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<FairPlayFlag> review(@PathVariable String flagId, @RequestBody ReviewFlagRequest request, ServerWebExchange exchange) {
        return fairPlay.review(flagId, request, reviewer(exchange));
    }

    /** The admin's handle from the access token the admin gate has already accepted. */
    private String reviewer(ServerWebExchange exchange) {
        String token = AccessTokenVerifier.bearerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        try {
            AccessTokenVerifier.VerifiedAccessToken caller = tokens.verify(token);
            return caller.handle() == null || caller.handle().isBlank() ? caller.playerId() : caller.handle();
        } catch (CodeArenaException e) {
            return "admin"; // not reachable through the gate; kept total rather than failing a review on it
        }
    }
}
