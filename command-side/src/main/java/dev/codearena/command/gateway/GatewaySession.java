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
 * is in, and a bounded outbound queue. A client that cannot keep up with its queue is disconnected
 * rather than allowed to grow the server's memory; it reconnects and gets {@code match:state}.
 */
final class GatewaySession implements Member {

    private final String connectionId = UUID.randomUUID().toString();
    private final AuthenticatedPlayer player;
    private final Sinks.Many<String> outbound;
    private final Queue<String> queued;
    private final int outboundBuffer;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final Set<String> playing = ConcurrentHashMap.newKeySet();
    private final Set<String> spectating = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile java.util.concurrent.Executor deliveryLoop;

    GatewaySession(AuthenticatedPlayer player, int outboundBuffer) {
        this.player = player;
        // lock-free and grown in small chunks: 2,000 idle spectators must not pre-allocate 2,000 full
        // buffers; the bound is enforced in send()
        this.queued = Queues.<String>unbounded(32).get();
        this.outboundBuffer = outboundBuffer;
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(queued);
    }

    @Override
    public void send(String frame) {
        if (closed) {
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
    public java.util.concurrent.Executor deliveryLoop() {
        return deliveryLoop;
    }

    /** The event loop of the connection's channel, so room fan-out can write from it (see {@link FanOut}). */
    void deliverOn(java.util.concurrent.Executor loop) {
        this.deliveryLoop = loop;
    }

    Flux<String> outbound() {
        return outbound.asFlux();
    }

    void close() {
        closed = true;
        synchronized (this) {
            outbound.tryEmitComplete();
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
