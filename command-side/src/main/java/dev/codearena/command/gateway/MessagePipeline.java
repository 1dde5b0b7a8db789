package dev.codearena.command.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.error.ErrorDetails;
import dev.codearena.api.wire.WireProtocol;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What every inbound frame goes through, the same for WebSocket and RSocket (the JWT was checked
 * when the connection opened):
 * <ol>
 *   <li>frame size, JSON and envelope shape ({@code MESSAGE_TOO_LARGE}, {@code MALFORMED_MESSAGE}),
 *       a known type ({@code UNKNOWN_MESSAGE_TYPE});</li>
 *   <li>the per-type rate limit, in Redis ({@code RATE_LIMITED});</li>
 *   <li>binding the payload to its events-api record, then room authorisation
 *       ({@code FORBIDDEN}, {@code NOT_IN_MATCH}) — it needs the ids the payload names;</li>
 *   <li>bean validation of the record ({@code VALIDATION_FAILED}, {@code SOURCE_TOO_LARGE});</li>
 *   <li>the handler.</li>
 * </ol>
 * Any refusal is an {@code error} reply carrying the request's id; the connection carries on.
 */
final class MessagePipeline {

    private static final Logger log = LoggerFactory.getLogger(MessagePipeline.class);
    private static final int MAX_ID_LENGTH = 64;

    private final Map<String, MessageHandler<?>> handlers = new HashMap<>();
    private final RateLimiter rateLimiter;
    private final Validator validator;
    private final Frames frames;
    private final ObjectMapper mapper;
    private final int maxFrameBytes;

    MessagePipeline(List<MessageHandlers> groups, RateLimiter rateLimiter, Validator validator, Frames frames, int maxFrameBytes) {
        groups.forEach(g -> g.handlers().forEach((type, handler) -> {
            if (!WireProtocol.CLIENT_MESSAGES.containsKey(type)) {
                throw new IllegalStateException("handler for a type missing from WireProtocol: " + type);
            }
            if (handlers.put(type, handler) != null) {
                throw new IllegalStateException("two handlers for " + type);
            }
        }));
        this.rateLimiter = rateLimiter;
        this.validator = validator;
        this.frames = frames;
        this.mapper = frames.mapper();
        this.maxFrameBytes = maxFrameBytes;
    }

    Mono<Void> handle(GatewaySession session, String frame) {
        if (frame.length() > maxFrameBytes) {
            session.send(frames.error(null, ErrorCode.MESSAGE_TOO_LARGE,
                    "Frames are limited to " + maxFrameBytes + " bytes."));
            return Mono.empty();
        }
        JsonNode root;
        try {
            root = mapper.readTree(frame);
        } catch (JsonProcessingException e) {
            session.send(frames.error(null, ErrorCode.MALFORMED_MESSAGE, "The frame is not valid JSON."));
            return Mono.empty();
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            session.send(frames.error(idOf(root), ErrorCode.MALFORMED_MESSAGE,
                    "Expected a JSON object {\"type\": string, \"id\": string, \"payload\": object}."));
            return Mono.empty();
        }
        String id = idOf(root);
        if (root.has("id") && id == null) {
            session.send(frames.error(null, ErrorCode.MALFORMED_MESSAGE, "\"id\" must be a string of at most " + MAX_ID_LENGTH + " characters."));
            return Mono.empty();
        }
        String type = root.get("type").asText();
        MessageHandler<?> handler = handlers.get(type);
        if (handler == null) {
            session.send(frames.error(id, ErrorCode.UNKNOWN_MESSAGE_TYPE,
                    "Unknown message type '" + abbreviate(type) + "'; see docs/protocol.md."));
            return Mono.empty();
        }
        return rateLimiter.acquire(session.playerId(), type)
                .map(wait -> {
                    session.send(frames.rateLimited(id, type, wait));
                    return true;
                })
                .switchIfEmpty(Mono.defer(() -> dispatch(session, id, root.get("payload"), handler).thenReturn(false)))
                .onErrorResume(e -> {
                    session.send(toError(id, e));
                    return Mono.empty();
                })
                .then();
    }

    private <T> Mono<Void> dispatch(GatewaySession session, String id, JsonNode rawPayload, MessageHandler<T> handler) {
        T payload;
        try {
            JsonNode node = rawPayload == null || rawPayload.isNull() ? JsonNodeFactory.instance.objectNode() : rawPayload;
            if (!node.isObject()) {
                throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "\"payload\" must be a JSON object.");
            }
            payload = mapper.treeToValue(node, handler.payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Mono.error(CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, bindingMessage(e)));
        }
        return handler.authorise(session, payload)
                .then(Mono.defer(() -> {
                    validate(payload);
                    return handler.handle(session, id, payload);
                }));
    }

    private <T> void validate(T payload) {
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (violations.isEmpty()) {
            return;
        }
        boolean codeTooLong = violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("code")
                && v.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Size);
        if (codeTooLong) {
            throw CodeArenaException.invalid(ErrorCode.SOURCE_TOO_LARGE, "Sources are limited to 64 KB.");
        }
        throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(Collectors.joining("; ")));
    }

    String toError(String replyTo, Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof CodeArenaException e) {
                return frames.error(replyTo, e.code(), e.getMessage());
            }
            if (cause instanceof CommandExecutionException e) {
                Object details = e.getDetails().orElse(null);
                if (details instanceof ErrorDetails d) {
                    return frames.error(replyTo, d.code(), d.message());
                }
            }
            if (cause instanceof IllegalArgumentException e && cause.getCause() == null) {
                return frames.error(replyTo, ErrorCode.VALIDATION_FAILED, e.getMessage());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        log.error("message handling failed", failure);
        return frames.error(replyTo, ErrorCode.INTERNAL_ERROR, null);
    }

    private static String bindingMessage(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                return iae.getMessage();
            }
            cause = cause.getCause();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "'.";
        }
        if (e instanceof InvalidFormatException f) {
            return "Invalid value for '" + path(f) + "'.";
        }
        if (e instanceof MismatchedInputException m) {
            return "Wrong type for '" + path(m) + "'.";
        }
        return e instanceof CodeArenaException c ? c.getMessage() : "The payload does not match the message type.";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String idOf(JsonNode root) {
        if (root == null || !root.path("id").isTextual()) {
            return null;
        }
        String id = root.get("id").asText();
        return id.length() <= MAX_ID_LENGTH ? id : null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
