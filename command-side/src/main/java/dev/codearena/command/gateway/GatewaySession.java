package dev.codearena.command.gateway;

import dev.codearena.command.auth.AuthenticatedPlayer;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One client connection (WebSocket or RSocket), whatever the transport: who it is, which rooms it
 * is in, and its bounded outbound side. A WebSocket connection's frames are written straight to its
 * channel ({@link WebSocketOutbound}); an RSocket connection's go through a queue that its RSocket
 * channel drains. Either way a client that cannot keep up is disconnected rather than allowed to
 * grow the server's memory; it reconnects and gets {@code match:state}.
 */
final class GatewaySession implements Member {

    private final String connectionId = UUID.randomUUID().toString();
    private final AuthenticatedPlayer player;
    private final WebSocketOutbound socket;
    private final Sinks.Many<String> outbound;
    private final Queue<String> queued;
    private final int outboundBuffer;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final Set<String> playing = ConcurrentHashMap.newKeySet();
    private final Set<String> spectating = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A connection whose frames are queued for {@link #outbound()} (RSocket). */
    GatewaySession(AuthenticatedPlayer player, int outboundBuffer) {
        this.player = player;
        this.socket = null;
        // lock-free and grown in small chunks: 2,000 idle connections must not pre-allocate 2,000 full
        // buffers; the bound is enforced in send()
        this.queued = Queues.<String>unbounded(32).get();
        this.outboundBuffer = outboundBuffer;
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(queued);
    }

    /** A WebSocket connection whose frames are written to its channel. */
    GatewaySession(AuthenticatedPlayer player, WebSocketOutbound socket) {
        this.player = player;
        this.socket = socket;
        this.queued = null;
        this.outboundBuffer = 0;
        this.outbound = null;
    }

    @Override
    public void send(String frame) {
        if (closed) {
            return;
        }
        if (socket != null) {
            socket.send(frame);
            return;
        }
        Sinks.EmitResult result;
        synchronized (this) { // a unicast sink takes one emitter at a time
            result = queued.size() >= outboundBuffer ? Sinks.EmitResult.FAIL_OVERFLOW : outbound.tryEmitNext(frame);
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            close(); // too slow a reader: it reconnects and gets match:state
        }
    }

    @Override
    public WebSocketOutbound webSocket() {
        return socket;
    }

    /** The frames to send (queued connections only). */
    Flux<String> outbound() {
        return outbound.asFlux();
    }

    /** No more frames; a queued connection's {@link #outbound()} completes (the transport closes a WebSocket). */
    void close() {
        closed = true;
        if (outbound != null) {
            synchronized (this) {
                outbound.tryEmitComplete();
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    String connectionId() {
        return connectionId;
    }

    AuthenticatedPlayer player() {
        return player;
    }

    String playerId() {
        return player.playerId().value();
    }

    Set<String> rooms() {
        return rooms;
    }

    Set<String> playing() {
        return playing;
    }

    Set<String> spectating() {
        return spectating;
    }
}
