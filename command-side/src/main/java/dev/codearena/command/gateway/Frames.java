package dev.codearena.command.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.wire.Envelope;
import dev.codearena.api.wire.WireError;
import dev.codearena.api.wire.WireProtocol;
import java.time.Duration;

/** Serialises outbound envelopes. */
final class Frames {

    private final ObjectMapper mapper;

    Frames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String push(String type, Object payload) {
        return write(Envelope.push(type, payload));
    }

    String reply(String type, String replyTo, Object payload) {
        return write(Envelope.reply(type, replyTo, payload));
    }

    /** An envelope around a payload that is already JSON (a live view read from Redis), without re-parsing it. */
    String replyRaw(String type, String replyTo, String payloadJson) {
        StringBuilder out = new StringBuilder(payloadJson.length() + 96).append("{\"type\":").append(quote(type));
        if (replyTo != null) {
            out.append(",\"replyTo\":").append(quote(replyTo));
        }
        return out.append(",\"payload\":").append(payloadJson).append('}').toString();
    }

    String error(String replyTo, ErrorCode code, String message) {
        return reply(WireProtocol.ERROR, replyTo, WireError.of(code, message));
    }

    String rateLimited(String replyTo, String type, Duration wait) {
        return reply(WireProtocol.ERROR, replyTo, new WireError(ErrorCode.RATE_LIMITED,
                "Too many '" + type + "' messages: wait " + wait.toMillis() + " ms.", wait.toMillis()));
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private String quote(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }
}
