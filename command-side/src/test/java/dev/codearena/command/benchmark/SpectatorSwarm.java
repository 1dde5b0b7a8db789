package dev.codearena.command.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * N spectators of one match over real WebSocket connections, recording for every {@code match:tick}
 * the latency = receive instant − the tick's {@code serverTime} (same machine, same wall clock, µs
 * resolution). Used in the benchmark's JVM or, through {@link #main}, as a separate process so the
 * clients' work is not counted in (and does not pause) the server's JVM.
 * <p>
 * Process protocol: args {@code port matchId tokensFile}; prints {@code READY} once every spectator
 * has its {@code match:state}; on stdin {@code GO} starts measuring, {@code STOP} prints
 * {@code RESULT <deliveries> <cpuMs while measuring> <latency µs,...>} and exits.
 */
public final class SpectatorSwarm implements AutoCloseable {

    private static final Clock CLOCK = Clock.systemUTC();

    private final CountDownLatch joined;
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final List<Disposable> connections = new ArrayList<>();
    private volatile boolean measuring;

    public SpectatorSwarm(int port, String matchId, List<String> tokens) throws InterruptedException {
        joined = new CountDownLatch(tokens.size());
        ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient(HttpClient.create(ConnectionProvider.newConnection()));
        String join = "{\"type\":\"spectate:join\",\"id\":\"j\",\"payload\":{\"matchId\":\"" + matchId + "\"}}";
        for (int i = 0; i < tokens.size(); i++) {
            URI uri = URI.create("ws://localhost:" + port + "/ws?access_token=" + tokens.get(i));
            connections.add(client.execute(uri, session -> session.send(Mono.just(session.textMessage(join)))
                    .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(this::received))
                    .then()).subscribe());
            if (i % 100 == 99) {
                Thread.sleep(50); // do not overrun the server's accept backlog
            }
        }
    }

    private void received(String text) {
        Instant now = CLOCK.instant();
        if (text.startsWith("{\"type\":\"match:state\"")) {
            joined.countDown();
        } else if (measuring && text.startsWith("{\"type\":\"match:tick\"")) {
            int at = text.indexOf("\"serverTime\":\"") + 14;
            Instant sent = Instant.parse(text.substring(at, text.indexOf('"', at)));
            latenciesMicros.add((now.getEpochSecond() - sent.getEpochSecond()) * 1_000_000 + (now.getNano() - sent.getNano()) / 1_000);
        }
    }

    public boolean awaitJoined(long seconds) throws InterruptedException {
        return joined.await(seconds, TimeUnit.SECONDS);
    }

    public void measure(boolean on) {
        measuring = on;
    }

    public long[] sortedLatenciesMicros() {
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    @Override
    public void close() {
        connections.forEach(Disposable::dispose);
    }

    public static void main(String[] args) throws Exception {
        List<String> tokens = Files.readAllLines(Path.of(args[2]));
        try (SpectatorSwarm swarm = new SpectatorSwarm(Integer.parseInt(args[0]), args[1], tokens)) {
            if (!swarm.awaitJoined(180)) {
                System.out.println("FAILED only " + (tokens.size() - swarm.joined.getCount()) + " joined");
                return;
            }
            System.out.println("READY");
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            long cpuAtGo = 0;
            for (String line; (line = commands.readLine()) != null; ) {
                if (line.equals("GO")) {
                    cpuAtGo = BenchmarkMeters.jvmCpuNanos();
                    swarm.measure(true);
                } else if (line.equals("STOP")) {
                    swarm.measure(false);
                    long[] sorted = swarm.sortedLatenciesMicros();
                    StringBuilder out = new StringBuilder("RESULT ").append(sorted.length).append(' ')
                            .append((BenchmarkMeters.jvmCpuNanos() - cpuAtGo) / 1_000_000).append(' ');
                    for (int i = 0; i < sorted.length; i++) {
                        out.append(i == 0 ? "" : ",").append(sorted[i]);
                    }
                    System.out.println(out);
                    System.out.flush();
                    return;
                }
            }
        }
    }
}
