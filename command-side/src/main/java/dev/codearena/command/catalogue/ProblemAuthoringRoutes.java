package dev.codearena.command.catalogue;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.problem.ProblemDraftRequest;
import dev.codearena.command.http.RestSupport;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/admin/problems/**} on the write side: only for access tokens with the ADMIN role
 * (403 {@code ADMIN_ONLY} otherwise). File work and publishing block, so they run off the event loop.
 */
class ProblemAuthoringRoutes {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ProblemAuthoring authoring;
    private final RestSupport rest;
    private final int maxArchiveBytes;

    ProblemAuthoringRoutes(ProblemAuthoring authoring, RestSupport rest, int maxArchiveBytes) {
        this.authoring = authoring;
        this.rest = rest;
        this.maxArchiveBytes = maxArchiveBytes;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return admin(request, admin -> blocking(authoring::list).flatMap(ServerResponse.ok()::bodyValue));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return admin(request, admin -> blocking(() -> authoring.get(slug(request))).flatMap(ServerResponse.ok()::bodyValue));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return admin(request, admin -> rest.body(request, ProblemDraftRequest.class)
                .flatMap(draft -> blocking(() -> authoring.create(draft)))
                .flatMap(ServerResponse.status(HttpStatus.CREATED)::bodyValue));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        return admin(request, admin -> rest.body(request, ProblemDraftRequest.class)
                .flatMap(draft -> blocking(() -> authoring.update(slug(request), draft)))
                .flatMap(ServerResponse.ok()::bodyValue));
    }

    Mono<ServerResponse> adopt(ServerRequest request) {
        return admin(request, admin -> blocking(() -> authoring.adopt(slug(request))).flatMap(ServerResponse.ok()::bodyValue));
    }

    Mono<ServerResponse> uploadTests(ServerRequest request) {
        return admin(request, admin -> zip(request)
                .flatMap(zip -> blocking(() -> authoring.uploadTests(slug(request), zip)))
                .flatMap(ServerResponse.ok()::bodyValue));
    }

    Mono<ServerResponse> publish(ServerRequest request) {
        return admin(request, admin -> blocking(() -> authoring.publish(slug(request))).flatMap(ServerResponse.ok()::bodyValue));
    }

    /** The request body as bytes, refused past the limit while it arrives (not after buffering all of it). */
    private Mono<byte[]> zip(ServerRequest request) {
        if (request.headers().contentLength().orElse(0) > maxArchiveBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxArchiveBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .switchIfEmpty(Mono.error(() -> CodeArenaException.invalid(ErrorCode.INVALID_TEST_ARCHIVE,
                        "send the zip as the request body (Content-Type: application/zip)")));
    }

    private CodeArenaException tooLarge() {
        return CodeArenaException.invalid(ErrorCode.TEST_ARCHIVE_TOO_LARGE,
                "the archive is larger than " + maxArchiveBytes / (1024 * 1024) + " MiB");
    }

    private Mono<ServerResponse> admin(ServerRequest request, Function<Object, Mono<ServerResponse>> route) {
        return rest.admin(request).flatMap(route::apply)
                .onErrorResume(failure -> RestSupport.error(failure, cause -> null));
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    private static String slug(ServerRequest request) {
        String slug = request.pathVariable("slug");
        if (slug.length() > 64 || !SLUG.matcher(slug).matches()) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "slug: lowercase letters, digits and '-'");
        }
        return slug;
    }
}
