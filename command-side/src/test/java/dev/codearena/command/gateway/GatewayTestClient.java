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
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * A real gateway client for tests, over WebSocket ({@code /ws}) or RSocket over WebSocket
 * ({@code /rsocket}, route {@code gateway}): sends text frames, collects every frame received.
 * Shared with the arena module's end-to-end tests through command-side's test-support jar.
 */
public final class GatewayTestClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(10);

    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final BlockingQueue<JsonNode> inbound = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final List<JsonNode> everything = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Sinks.One<Throwable> failure = Sinks.one();
    private final Sinks.One<Boolean> opened = Sinks.one();
    private final Duration patience;
    private Disposable connection;
    private RSocketRequester requester;

    private GatewayTestClient(Duration patience) {
        this.patience = patience;
    }

    private static GatewayTestClient webSocket(URI uri, HttpHeaders headers, Duration patience) {
        GatewayTestClient client = new GatewayTestClient(patience);
        WebSocketClient webSocket = new ReactorNettyWebSocketClient(HttpClient.create(),
                () -> WebsocketClientSpec.builder().maxFramePayloadLength(4 * 1024 * 1024));
        client.connection = webSocket.execute(uri, headers, session -> {
                    client.opened.tryEmitValue(true);
                    return session.send(client.outbound.asFlux().map(session::textMessage))
                            .and(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(client::receive).then());
                })
                .subscribe(null, e -> client.failure.tryEmitValue(e));
        return client;
    }

    /** A WebSocket connection that waits up to 10 s for each awaited frame. */
    public static GatewayTestClient connect(int port, String token) {
        return webSocket(port, token, DEFAULT_PATIENCE);
    }

    /** @param patience how long {@link #await(String)} and {@link #reply} wait (a real judge takes longer) */
    public static GatewayTestClient webSocket(int port, String token, Duration patience) {
        GatewayTestClient client = webSocket(URI.create("ws://localhost:" + port + "/ws?access_token=" + token), new HttpHeaders(), patience);
        client.await("session:welcome");
        return client;
    }

    /** The same protocol over RSocket: the token is the setup payload, frames go through the {@code gateway} channel. */
    public static GatewayTestClient rsocket(int port, String token, Duration patience) {
        GatewayTestClient client = new GatewayTestClient(patience);
        client.requester = RSocketRequester.builder().setupData(token).dataMimeType(MimeTypeUtils.APPLICATION_JSON)
                .websocket(URI.create("ws://localhost:" + port + "/rsocket"));
        client.connection = client.requester.route("gateway").data(Flux.concat(Flux.just(""), client.outbound.asFlux()))
                .retrieveFlux(String.class).subscribe(client::receive, e -> client.failure.tryEmitValue(e));
        client.await("session:welcome");
        return client;
    }

    /** Tries a handshake and returns why it failed (null when it opened). */
    static Throwable refusal(int port, String query, HttpHeaders headers) {
        GatewayTestClient client = webSocket(URI.create("ws://localhost:" + port + "/ws" + query), headers, DEFAULT_PATIENCE);
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

    private void receive(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            everything.add(node);
            inbound.add(node);
        } catch (Exception e) {
            throw new IllegalStateException("server sent non-JSON: " + text, e);
        }
    }

    /** Every frame received so far, awaited or not, in order of arrival. */
    public List<JsonNode> everything() {
        synchronized (everything) {
            return List.copyOf(everything);
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
        return await(n -> type.equals(n.path("type").asText()), patience, type);
    }

    /** The reply (or error) to the message with this id. */
    public JsonNode reply(String id) {
        return await(n -> id.equals(n.path("replyTo").asText()), patience, "reply to " + id);
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
        if (requester != null) {
            requester.dispose();
        }
    }
}
