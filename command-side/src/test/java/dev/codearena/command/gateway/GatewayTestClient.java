package dev.codearena.command.gateway;

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
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/** A real WebSocket client for tests: sends text frames, collects every frame received. */
public final class GatewayTestClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final BlockingQueue<JsonNode> inbound = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final Sinks.One<Throwable> failure = Sinks.one();
    private final Sinks.One<Boolean> opened = Sinks.one();
    private final Disposable connection;

    private GatewayTestClient(URI uri, HttpHeaders headers) {
        WebSocketClient client = new ReactorNettyWebSocketClient(HttpClient.create(),
                () -> WebsocketClientSpec.builder().maxFramePayloadLength(4 * 1024 * 1024));
        connection = client.execute(uri, headers, session -> {
                    opened.tryEmitValue(true);
                    return session.send(outbound.asFlux().map(session::textMessage))
                            .and(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> {
                                try {
                                    inbound.add(JSON.readTree(text));
                                } catch (Exception e) {
                                    throw new IllegalStateException("server sent non-JSON: " + text, e);
                                }
                            }).then());
                })
                .subscribe(null, e -> failure.tryEmitValue(e));
    }

    public static GatewayTestClient connect(int port, String token) {
        GatewayTestClient client = new GatewayTestClient(URI.create("ws://localhost:" + port + "/ws?access_token=" + token), new HttpHeaders());
        client.await("session:welcome");
        return client;
    }

    /** Tries a handshake and returns why it failed (null when it opened). */
    static Throwable refusal(int port, String query, HttpHeaders headers) {
        GatewayTestClient client = new GatewayTestClient(URI.create("ws://localhost:" + port + "/ws" + query), headers);
        try {
            return Mono.firstWithValue(client.failure.asMono(), client.opened.asMono().map(ok -> (Throwable) null)
                            .switchIfEmpty(Mono.never()))
                    .block(Duration.ofSeconds(10));
        } catch (Exception e) {
            return null;
        } finally {
            client.close();
        }
    }

    public void send(String frame) {
        outbound.tryEmitNext(frame);
    }

    public void send(String type, String id, Object payload) {
        try {
            var node = JSON.createObjectNode().put("type", type);
            if (id != null) {
                node.put("id", id);
            }
            node.set("payload", JSON.valueToTree(payload));
            send(JSON.writeValueAsString(node));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode await(String type) {
        return await(n -> type.equals(n.path("type").asText()), Duration.ofSeconds(10), type);
    }

    /** The reply (or error) to the message with this id. */
    public JsonNode reply(String id) {
        return await(n -> id.equals(n.path("replyTo").asText()), Duration.ofSeconds(10), "reply to " + id);
    }

    public JsonNode await(Predicate<JsonNode> wanted, Duration timeout, String what) {
        synchronized (seen) {
            for (JsonNode node : seen) {
                if (wanted.test(node)) {
                    seen.remove(node);
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
                    throw new AssertionError("no " + what + " within " + timeout + "; received: " + seen);
                }
                if (wanted.test(next)) {
                    return next;
                }
                synchronized (seen) {
                    seen.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every frame received so far and not yet awaited, plus those arriving within {@code quiet}. */
    public List<JsonNode> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        try {
            JsonNode next;
            while ((next = inbound.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
                synchronized (seen) {
                    seen.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (seen) {
            List<JsonNode> all = new ArrayList<>(seen);
            seen.clear();
            return all;
        }
    }

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
    }
}
