package dev.codearena.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every frame on the wire, in both directions: {@code {type, id, replyTo, payload}}.
 *
 * @param type    what the payload is, e.g. {@code match:submit} (see {@link WireProtocol})
 * @param id      chosen by the sender of a request (client) so that it can match the reply; optional
 * @param replyTo on a server reply, the {@code id} of the client message it answers
 * @param payload the message body, whose shape is fixed by {@code type}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope<T>(String type, String id, String replyTo, T payload) {

    public static <T> Envelope<T> push(String type, T payload) {
        return new Envelope<>(type, null, null, payload);
    }

    public static <T> Envelope<T> reply(String type, String replyTo, T payload) {
        return new Envelope<>(type, null, replyTo, payload);
    }
}
