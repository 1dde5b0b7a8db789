package dev.codearena.command.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.time.LocalDate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * N spectators of one match over real WebSocket connections, recording for every {@code match:tick}
 * the latency = receive instant − the tick's {@code serverTime} (same machine, same wall clock, µs
 * resolution). Used in the benchmark's JVM or, through {@link #main}, as a separate process so the
 * clients' work is not counted in (and does not pause) the server's JVM.
 * <p>
 * A measuring tool, kept lean so that it leaves the shared cores to the server: Reactor Netty's
 * WebSocket client without Spring's session wrapper, the receive instant taken as soon as the
 * client's event loop hands over the frame, and only the frame's type prefix and its
 * {@code serverTime} read from the frame's bytes (no decoding to a string, no JSON parse).
 * <p>
 * Process protocol: args {@code port matchId tokensFile}; prints {@code READY} once every spectator
 * has its {@code match:state}; on stdin {@code GO} starts measuring, {@code STOP} prints
 * {@code RESULT <deliveries> <cpuMs while measuring> <latency µs,...>} and exits.
 */
public final class SpectatorSwarm implements AutoCloseable {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final byte[] MATCH_STATE = "{\"type\":\"match:state\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MATCH_TICK = "{\"type\":\"match:tick\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_TIME = "\"serverTime\":\"".getBytes(StandardCharsets.US_ASCII);

    private final CountDownLatch joined;
    private final List<Disposable> connections = new ArrayList<>();
    private final Object latencyLock = new Object();
    private long[] latenciesMicros = new long[1 << 16];
    private int latencyCount;
    private volatile boolean measuring;

    public SpectatorSwarm(int port, String matchId, List<String> tokens) throws InterruptedException {
        joined = new CountDownLatch(tokens.size());
        HttpClient client = HttpClient.create(ConnectionProvider.newConnection());
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(4 * 1024 * 1024).build();
        String join = "{\"type\":\"spectate:join\",\"id\":\"j\",\"payload\":{\"matchId\":\"" + matchId + "\"}}";
        for (int i = 0; i < tokens.size(); i++) {
            String uri = "ws://localhost:" + port + "/ws?access_token=" + tokens.get(i);
            connections.add(client.websocket(spec).uri(uri)
                    .handle((in, out) -> out.sendString(Mono.just(join)).then()
                            .thenMany(in.receiveFrames().doOnNext(this::received)))
                    .subscribe());
            if (i % 100 == 99) {
                Thread.sleep(50); // do not overrun the server's accept backlog
            }
        }
    }

    private void received(WebSocketFrame frame) {
        Instant now = CLOCK.instant();
        ByteBuf text = frame.content();
        if (startsWith(text, MATCH_STATE)) {
            joined.countDown();
        } else if (measuring && startsWith(text, MATCH_TICK)) {
            int at = indexOf(text, SERVER_TIME);
            if (at < 0) {
                return;
            }
            long sentMicros = isoInstantMicros(text, at + SERVER_TIME.length);
            record((now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000) - sentMicros);
        }
    }

    private static boolean startsWith(ByteBuf text, byte[] prefix) {
        return text.readableBytes() >= prefix.length && matches(text, text.readerIndex(), prefix);
    }

    /** The absolute index of {@code needle} in the readable bytes of {@code text}, or -1. */
    private static int indexOf(ByteBuf text, byte[] needle) {
        for (int at = text.readerIndex(), last = text.writerIndex() - needle.length; at <= last; at++) {
            if (matches(text, at, needle)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean matches(ByteBuf text, int at, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (text.getByte(at + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Microseconds since the epoch of an ISO-8601 instant {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} at {@code at}. */
    static long isoInstantMicros(ByteBuf text, int at) {
        long days = LocalDate.of(digits(text, at, 4), digits(text, at + 5, 2), digits(text, at + 8, 2)).toEpochDay();
        long seconds = days * 86_400 + digits(text, at + 11, 2) * 3_600L + digits(text, at + 14, 2) * 60L + digits(text, at + 17, 2);
        long micros = 0;
        int i = at + 19;
        if (text.getByte(i) == '.') {
            int scale = 100_000;
            for (i++; text.getByte(i) >= '0' && text.getByte(i) <= '9'; i++) {
                micros += (text.getByte(i) - '0') * (long) scale;
                scale /= 10;
            }
        }
        return seconds * 1_000_000 + micros;
    }

    private static int digits(ByteBuf text, int at, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value * 10 + (text.getByte(at + i) - '0');
        }
        return value;
    }

    private void record(long latencyMicros) {
        synchronized (latencyLock) {
            if (latencyCount == latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, latencyCount * 2);
            }
            latenciesMicros[latencyCount++] = latencyMicros;
        }
    }

    public boolean awaitJoined(long seconds) throws InterruptedException {
        return joined.await(seconds, TimeUnit.SECONDS);
    }

    public void measure(boolean on) {
        measuring = on;
    }

    public long[] sortedLatenciesMicros() {
        long[] sorted;
        synchronized (latencyLock) {
            sorted = Arrays.copyOf(latenciesMicros, latencyCount);
        }
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
