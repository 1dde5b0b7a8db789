package dev.codearena.query.api;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.error.ErrorDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Typed errors for the read API: {@link ErrorDetails} with a status that fits the {@link ErrorCode}. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(CodeArenaException.class)
    ResponseEntity<ErrorDetails> refused(CodeArenaException e) {
        return ResponseEntity.status(status(e)).body(e.details());
    }

    @ExceptionHandler({ServerWebInputException.class, IllegalArgumentException.class})
    ResponseEntity<ErrorDetails> badInput(Exception e) {
        String message = e instanceof ServerWebInputException input && input.getReason() != null ? input.getReason() : e.getMessage();
        return ResponseEntity.badRequest().body(new ErrorDetails(ErrorCode.VALIDATION_FAILED, message));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorDetails> unexpected(Exception e) {
        log.error("event=query-api-error", e);
        return ResponseEntity.internalServerError().body(new ErrorDetails(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage()));
    }

    static HttpStatus status(CodeArenaException e) {
        if (e.code() == ErrorCode.READ_MODEL_REBUILDING) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (e.code() == ErrorCode.ADMIN_ONLY) {
            return HttpStatus.FORBIDDEN;
        }
        return switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case RULE_VIOLATION -> HttpStatus.CONFLICT;
        };
    }
}
