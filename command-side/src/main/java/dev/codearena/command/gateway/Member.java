package dev.codearena.command.gateway;

/** Something that receives frames of a room: a client connection on this instance. */
interface Member {

    /** Queues a complete JSON frame for the client; never blocks. */
    void send(String frame);

    /**
     * The thread that writes this member's connection (a Netty event loop), when known: frames are
     * best sent from it. {@code null} when unknown; then any thread may send.
     */
    default java.util.concurrent.Executor deliveryLoop() {
        return null;
    }
}
