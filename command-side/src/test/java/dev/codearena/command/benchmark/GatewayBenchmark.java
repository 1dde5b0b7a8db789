package dev.codearena.command.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import dev.codearena.command.auth.Role;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@code match:tick} delivery to 2,000 spectator WebSocket connections on one instance (real
 * sockets, real Redis). Latency = client receive instant − the tick's {@code serverTime}, which the
 * server takes just before the fan-out starts. The spectators run in a separate JVM
 * ({@code bench.clients=process}, the honest figure: the clients' decoding does not run in, or pause,
 * the server's JVM — it still competes for the same cores), in the server's JVM ({@code jvm}), or
 * both one after the other ({@code both}, the default). Besides the latency it reports the server
 * JVM's CPU per tick (process mode: the server alone), a figure the machine's load hardly changes.
 * Not part of the normal run; see docs/benchmarks.md, "Gateway".
 */
@Tag("benchmark")
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codearena.matchmaking.enabled=false", "codearena.data-dir=target/test-data/gw-bench",
                "codearena.gateway.default-rate-limit=1000/1s", "logging.level.root=WARN"})
class GatewayBenchmark {

    private static final int SPECTATORS = Integer.getInteger("bench.spectators", 2_000);
    private static final int TICKS = Integer.getInteger("bench.ticks", 20);
    /** Ticks delivered to the joined spectators before measuring, so both JVMs measure compiled code, not the JIT. */
    private static final int WARMUP_TICKS = Integer.getInteger("bench.warmupTicks", 5);
    private static final String CLIENTS = System.getProperty("bench.clients", "both");
    /**
     * The threads that do the tick's work: the ticker's and Lettuce's (the live views' MGET, the
     * frame, the fan-out's grouping) and the server's event loops (the socket writes; Spring Boot
     * names them webflux-http-*). Without the background pollers that the idle figure holds, nor
     * the JIT; in the server's-JVM mode the clients' loops (reactor-http-*) too.
     */
    private static final String[] NETWORK_THREADS = {"webflux-http-", "reactor-http-", "lettuce-", "parallel-"};
    /** {@code -Dbench.jfr=true}: a JFR profile of the server JVM while measuring, in target/benchmark-gateway-*.jfr. */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");

    @LocalServerPort
    int port;
    @Autowired
    AccessTokens tokens;
    @Autowired
    ReactiveStringRedisTemplate redis;

    /** The server JVM's CPU per second with no spectators at all (Axon and db-scheduler polling...), measured once. */
    private double idlePerSecondMs;

    @Test
    void tickDeliveryToTwoThousandSpectators() throws Exception {
        long idle0 = BenchmarkMeters.jvmCpuNanos();
        Thread.sleep(5_000);
        idlePerSecondMs = (BenchmarkMeters.jvmCpuNanos() - idle0) / 1e6 / 5;
        if (CLIENTS.equals("process") || CLIENTS.equals("both")) {
            run("separate JVM", this::inSeparateProcess);
        }
        if (CLIENTS.equals("jvm") || CLIENTS.equals("both")) {
            run("server's JVM", this::inThisProcess);
        }
    }

    private interface Clients {
        /**
         * Connects the spectators, measures TICKS seconds; returns {deliveries, client CPU ms, client user ms,
         * client system ms, latencies...} (client figures -1 when the clients run in this JVM).
         */
        long[] measure(String matchId, List<String> tokens, Runnable measuringStarts, Runnable measuringEnds) throws Exception;
    }

    private void run(String where, Clients clients) throws Exception {
        System.out.println("BENCH uptime: " + uptime());
        String matchId = "bench-" + UUID.randomUUID();
        String view = "{\"matchId\":\"" + matchId + "\",\"mode\":\"BLITZ\",\"phase\":\"RUNNING\",\"round\":1,\"periodEndsAt\":\""
                + Instant.now().plusSeconds(3600) + "\",\"spectators\":0,\"version\":1,\"players\":[],\"problems\":[]}";
        redis.opsForValue().set("codearena:live:match:" + matchId, view).block();
        List<String> spectatorTokens = new ArrayList<>();
        for (int i = 0; i < SPECTATORS; i++) {
            spectatorTokens.add(tokens.issue(new AuthenticatedPlayer(PlayerId.of(UUID.randomUUID().toString()), "s" + i,
                    PlayerClass.HACKER, Set.of(Role.PLAYER))));
        }
        long[] serverCpu = new long[2];
        long[] networkCpu = new long[2];
        long[][] userSystem = new long[2][];
        jdk.jfr.Recording[] profile = new jdk.jfr.Recording[1];
        long[] result = clients.measure(matchId, spectatorTokens,
                () -> {
                    if (JFR) {
                        try {
                            profile[0] = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                        } catch (java.io.IOException | java.text.ParseException e) {
                            throw new IllegalStateException(e);
                        }
                        profile[0].start();
                    }
                    serverCpu[0] = BenchmarkMeters.jvmCpuNanos();
                    userSystem[0] = BenchmarkMeters.userSystemNanos();
                    networkCpu[0] = BenchmarkMeters.threadsCpuNanos(NETWORK_THREADS);
                },
                () -> {
                    serverCpu[1] = BenchmarkMeters.jvmCpuNanos();
                    userSystem[1] = BenchmarkMeters.userSystemNanos();
                    networkCpu[1] = BenchmarkMeters.threadsCpuNanos(NETWORK_THREADS);
                    if (profile[0] != null) {
                        try (jdk.jfr.Recording recording = profile[0]) {
                            recording.stop();
                            recording.dump(Path.of("target", "benchmark-gateway-" + (where.startsWith("separate") ? "process" : "jvm") + ".jfr"));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
        long deliveries = result[0];
        long[] sorted = Arrays.copyOfRange(result, 4, result.length);
        double ticks = (double) deliveries / SPECTATORS;
        System.out.printf("BENCH tick delivery (clients in the %s): spectators=%d ticks=%.1f deliveries=%d p50=%.1f ms p99=%.1f ms"
                        + " max=%.1f ms; CPU per tick: server JVM %.1f ms (user %.1f + system %.1f; idle server %.1f ms/s;"
                        + " network threads %.1f ms)%s; loadavg %s%n",
                where, SPECTATORS, ticks, deliveries, pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0, (serverCpu[1] - serverCpu[0]) / 1e6 / ticks,
                (userSystem[1][0] - userSystem[0][0]) / 1e6 / ticks, (userSystem[1][1] - userSystem[0][1]) / 1e6 / ticks,
                idlePerSecondMs, (networkCpu[1] - networkCpu[0]) / 1e6 / ticks,
                result[1] < 0 ? " (clients included)" : String.format(", client JVM %.1f ms (user %.1f + system %.1f)",
                        result[1] / ticks, result[2] / ticks, result[3] / ticks),
                BenchmarkMeters.loadAverage());
        assertThat(deliveries).isGreaterThanOrEqualTo((long) SPECTATORS * (TICKS - 2));
    }

    private long[] inThisProcess(String matchId, List<String> spectatorTokens, Runnable starts, Runnable ends) throws Exception {
        try (SpectatorSwarm swarm = new SpectatorSwarm(port, matchId, spectatorTokens)) {
            assertThat(swarm.awaitJoined(180)).as("all spectators joined").isTrue();
            Thread.sleep(WARMUP_TICKS * 1000L);
            starts.run();
            swarm.measure(true);
            Thread.sleep(TICKS * 1000L + 500);
            swarm.measure(false);
            ends.run();
            long[] sorted = swarm.sortedLatenciesMicros();
            long[] out = new long[sorted.length + 4];
            out[0] = sorted.length;
            out[1] = -1;
            out[2] = -1;
            out[3] = -1;
            System.arraycopy(sorted, 0, out, 4, sorted.length);
            return out;
        }
    }

    private long[] inSeparateProcess(String matchId, List<String> spectatorTokens, Runnable starts, Runnable ends) throws Exception {
        Path dir = Path.of("target", "test-data", "gw-bench");
        Files.createDirectories(dir);
        Path tokenFile = dir.resolve("spectator-tokens.txt");
        Files.write(tokenFile, spectatorTokens);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process swarm = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                SpectatorSwarm.class.getName(), String.valueOf(port), matchId, tokenFile.toString())
                .redirectError(dir.resolve("spectator-swarm.log").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(swarm.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(swarm.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String ready = protocolLine(out);
            assertThat(ready).as("spectator swarm (see %s)", dir.resolve("spectator-swarm.log")).isEqualTo("READY");
            Thread.sleep(WARMUP_TICKS * 1000L);
            starts.run();
            long[] clientAtGo = BenchmarkMeters.userSystemNanos(swarm.pid());
            in.println("GO");
            Thread.sleep(TICKS * 1000L + 500);
            ends.run();
            long[] clientAtStop = BenchmarkMeters.userSystemNanos(swarm.pid());
            in.println("STOP");
            String[] result = protocolLine(out).split(" ");
            assertThat(result[0]).isEqualTo("RESULT");
            long[] latencies = result.length > 3 ? Arrays.stream(result[3].split(",")).mapToLong(Long::parseLong).toArray() : new long[0];
            long[] all = new long[latencies.length + 4];
            all[0] = Long.parseLong(result[1]);
            all[1] = Long.parseLong(result[2]);
            all[2] = (clientAtStop[0] - clientAtGo[0]) / 1_000_000;
            all[3] = (clientAtStop[1] - clientAtGo[1]) / 1_000_000;
            System.arraycopy(latencies, 0, all, 4, latencies.length);
            return all;
        } finally {
            if (!swarm.waitFor(30, TimeUnit.SECONDS)) {
                swarm.destroyForcibly();
            }
        }
    }

    /** The next line of the swarm's protocol, skipping anything else the JVM printed (JFR, warnings). */
    private static String protocolLine(BufferedReader out) throws java.io.IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY") || line.startsWith("FAILED") || line.startsWith("RESULT")) {
                return line;
            }
        }
        return "EOF";
    }

    private static String uptime() {
        try {
            Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            return BenchmarkMeters.loadAverage();
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
