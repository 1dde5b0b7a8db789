package dev.codearena.command.gateway;

/** Something that receives frames of a room: a client connection on this instance. */
interface Member {

    /** Queues a complete JSON frame for the client; never blocks. */
    void send(String frame);

    /**
     * The connection's WebSocket channel when frames are written to it directly (see {@link FanOut});
     * {@code null} for members that take frames through {@link #send} only (RSocket).
     */
    default WebSocketOutbound webSocket() {
        return null;
    }
}
