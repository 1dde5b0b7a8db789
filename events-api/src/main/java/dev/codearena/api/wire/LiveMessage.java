package dev.codearena.api.wire;

/**
 * A server-to-client match/spectate message as published on
 * {@link dev.codearena.api.live.LiveKeys#channel}: {@code {"type":"match:verdict","payload":{...}}}.
 * The gateway relays it verbatim into its envelope. {@code type} is one of {@link LiveMessageType};
 * the payload class follows from it. No payload ever carries source code. To read one
 * back, parse {@code type} first and bind {@code payload} to {@link LiveMessageType#payloadClass(String)}.
 */
public record LiveMessage(String type, LivePayload payload) {

    public static LiveMessage of(LivePayload payload) {
        return new LiveMessage(payload.messageType(), payload);
    }
}
