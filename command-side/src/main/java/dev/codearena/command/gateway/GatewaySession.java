package dev.codearena.command.gateway;

import dev.codearena.command.auth.AuthenticatedPlayer;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One client connection (WebSocket or RSocket), whatever the transport: who it is, which rooms it
 * is in, and a bounded outbound queue. A client that cannot keep up with its queue is disconnected
 * rather than allowed to grow the server's memory; it reconnects and gets {@code match:state}.
 */
final class GatewaySession implements Member {

    private final String connectionId = UUID.randomUUID().toString();
    private final AuthenticatedPlayer player;
    private final Sinks.Many<String> outbound;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final Set<String> playing = ConcurrentHashMap.newKeySet();
    private final Set<String> spectating = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    GatewaySession(AuthenticatedPlayer player, int outboundBuffer) {
        this.player = player;
        Queue<String> queue = new ArrayBlockingQueue<>(outboundBuffer);
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(queue);
    }

    @Override
    public void send(String frame) {
        if (closed) {
            return;
        }
        Sinks.EmitResult result;
        synchronized (this) {
            result = outbound.tryEmitNext(frame);
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            close(); // too slow a reader
        }
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
