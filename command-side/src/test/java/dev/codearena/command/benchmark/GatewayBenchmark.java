package dev.codearena.command.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.command.CommandSideApplication;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import dev.codearena.command.auth.Role;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * {@code match:tick} delivery to 2,000 spectator WebSocket connections on one instance (real
 * sockets, real Redis). Latency = client receive time - the tick's {@code serverTime} (one JVM,
 * one clock). Not part of the normal run; see docs/benchmarks.md, "Gateway".
 */
@Tag("benchmark")
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codearena.matchmaking.enabled=false", "codearena.data-dir=target/test-data/gw-bench",
                "codearena.gateway.default-rate-limit=1000/1s", "logging.level.root=WARN"})
class GatewayBenchmark {

    private static final int SPECTATORS = Integer.getInteger("bench.spectators", 2_000);
    private static final int TICKS = Integer.getInteger("bench.ticks", 20);

    @LocalServerPort
    int port;
    @Autowired
    AccessTokens tokens;
    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void tickDeliveryToTwoThousandSpectators() throws Exception {
        String matchId = "bench-" + UUID.randomUUID();
        String view = "{\"matchId\":\"" + matchId + "\",\"mode\":\"BLITZ\",\"phase\":\"RUNNING\",\"round\":1,\"periodEndsAt\":\""
                + Instant.now().plusSeconds(3600) + "\",\"spectators\":0,\"version\":1,\"players\":[],\"problems\":[]}";
        redis.opsForValue().set("codearena:live:match:" + matchId, view).block();

        ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient(
                HttpClient.create(ConnectionProvider.newConnection()));
        CountDownLatch joined = new CountDownLatch(SPECTATORS);
        AtomicInteger measuring = new AtomicInteger(0); // 0 until every spectator has joined
        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        List<Disposable> connections = new ArrayList<>();
        for (int i = 0; i < SPECTATORS; i++) {
            String token = tokens.issue(new AuthenticatedPlayer(PlayerId.of(UUID.randomUUID().toString()), "s" + i,
                    PlayerClass.HACKER, Set.of(Role.PLAYER)));
            URI uri = URI.create("ws://localhost:" + port + "/ws?access_token=" + token);
            connections.add(client.execute(uri, session -> session.send(Mono.just(session.textMessage(
                            "{\"type\":\"spectate:join\",\"id\":\"j\",\"payload\":{\"matchId\":\"" + matchId + "\"}}")))
                    .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> {
                        long now = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
                        if (text.startsWith("{\"type\":\"match:state\"")) {
                            joined.countDown();
                        } else if (measuring.get() == 1 && text.startsWith("{\"type\":\"match:tick\"")) {
                            int at = text.indexOf("\"serverTime\":\"") + 14;
                            Instant sent = Instant.parse(text.substring(at, text.indexOf('"', at)));
                            long sentMicros = sent.getEpochSecond() * 1_000_000 + sent.getNano() / 1000;
                            latenciesMicros.add(System.currentTimeMillis() * 1000 - sentMicros);
                        }
                    })).then()).subscribe());
            if (i % 100 == 99) {
                Thread.sleep(50); // do not overrun the accept backlog
            }
        }
        assertThat(joined.await(120, TimeUnit.SECONDS)).as("all spectators joined").isTrue();
        measuring.set(1);
        Thread.sleep(TICKS * 1000L + 500);
        measuring.set(2);
        connections.forEach(Disposable::dispose);

        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("BENCH tick delivery: spectators=%d ticks~%d deliveries=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                SPECTATORS, TICKS, sorted.length, pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
        assertThat(sorted.length).isGreaterThanOrEqualTo(SPECTATORS * (TICKS - 2));
    }

    private static long pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    static String describe(long[] values) {
        return Arrays.toString(values);
    }
}
