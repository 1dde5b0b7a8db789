package dev.codearena.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.codearena.api.error.ErrorCode;

/**
 * Payload of an {@code error} message: why a client message was refused. The connection and the
 * match carry on. {@code retryAfterMs} is set for rate limits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WireError(ErrorCode code, String message, Long retryAfterMs) {

    public static WireError of(ErrorCode code, String message) {
        return new WireError(code, message == null ? code.defaultMessage() : message, null);
    }
}
