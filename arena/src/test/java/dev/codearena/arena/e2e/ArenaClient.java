package dev.codearena.arena.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** A player's or spectator's connection to the arena, over WebSocket or RSocket, recording everything received. */
final class ArenaClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final BlockingQueue<JsonNode> inbound = new LinkedBlockingQueue<>();
    private final List<JsonNode> pending = new ArrayList<>();
    final List<JsonNode> everything = java.util.Collections.synchronizedList(new ArrayList<>());
    private Disposable connection;
    private RSocketRequester requester;

    private ArenaClient() {
    }

    static ArenaClient webSocket(int port, String token) {
        ArenaClient client = new ArenaClient();
        client.connection = new ReactorNettyWebSocketClient()
                .execute(URI.create("ws://localhost:" + port + "/ws?access_token=" + token), session ->
                        session.send(client.outbound.asFlux().map(session::textMessage))
                                .and(session.receive().map(WebSocketMessage::getPayloadAsText)
                                        .doOnNext(client::receive).then()))
                .subscribe();
        client.await("session:welcome");
        return client;
    }

    static ArenaClient rsocket(int port, String token) {
        RSocketRequester requester = RSocketRequester.builder().setupData(token).dataMimeType(MimeTypeUtils.APPLICATION_JSON)
                .websocket(URI.create("ws://localhost:" + port + "/rsocket"));
        ArenaClient client = new ArenaClient();
        client.requester = requester;
        client.connection = requester.route("gateway").data(Flux.concat(Flux.just(""), client.outbound.asFlux()))
                .retrieveFlux(String.class).subscribe(client::receive);
        client.await("session:welcome");
        return client;
    }

    private void receive(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            everything.add(node);
            inbound.add(node);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    void send(String type, String id, Object payload) {
        try {
            var node = JSON.createObjectNode().put("type", type).put("id", id);
            node.set("payload", JSON.valueToTree(payload));
            outbound.tryEmitNext(JSON.writeValueAsString(node));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void sendRaw(String frame) {
        outbound.tryEmitNext(frame);
    }

    JsonNode await(String type) {
        return await(n -> type.equals(n.path("type").asText()), Duration.ofSeconds(30), type);
    }

    JsonNode reply(String id) {
        return await(n -> id.equals(n.path("replyTo").asText()), Duration.ofSeconds(30), "reply to " + id);
    }

    JsonNode await(Predicate<JsonNode> wanted, Duration timeout, String what) {
        synchronized (pending) {
            for (JsonNode node : pending) {
                if (wanted.test(node)) {
                    pending.remove(node);
                    return node;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left <= 0 ? null : inbound.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + what + " within " + timeout + "; pending: " + pending);
                }
                if (wanted.test(next)) {
                    return next;
                }
                synchronized (pending) {
                    pending.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
        if (requester != null) {
            requester.dispose();
        }
    }
}
