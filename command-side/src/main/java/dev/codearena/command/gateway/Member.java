package dev.codearena.command.gateway;

/** Something that receives frames of a room: a client connection on this instance. */
interface Member {

    /** Queues a complete JSON frame for the client; never blocks. */
    void send(String frame);
}
