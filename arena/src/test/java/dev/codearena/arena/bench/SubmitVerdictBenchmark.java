package dev.codearena.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.arena.ArenaApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * Submit → final verdict latency with 20 live Blitz matches, through the whole arena in one process
 * (gateway, engine, judging saga, the real judge on the local bubblewrap sandbox, query side): 40
 * players register over HTTP, queue over WebSocket, are matched in pairs by the matchmaker, join
 * their matches and submit real Python solutions at the rate limit (one per 2 s each, 20
 * submissions/s in all) — mostly wrong answers on a problem nobody solves, and per player one
 * accepted reference solution on a problem of its own (so matches keep running: Blitz ends only when
 * every problem is locked). Latency = the client's {@code match:submit} send → that client's
 * receipt of the submission's final {@code match:verdict} (not the per-test ones).
 * <p>
 * Not part of the normal run (its name matches no Surefire pattern); see docs/benchmarks.md, "Gateway".
 */
@Tag("benchmark")
@EmbeddedInfrastructureTest
@SpringBootTest(classes = ArenaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "codearena.data-dir=target/test-data/submit-bench",
                "codearena.problems.dir=../problems",
                "codearena.matchmaking.pass-interval=500ms",
                "codearena.matchmaking.modes.BLITZ.problem-count=3",
                "codearena.matchmaking.modes.BLITZ.max-difficulty=1",
                "codearena.matchmaking.modes.BLITZ.duration-seconds=1800",
                "codearena.matchmaking.modes.BLITZ.start-delay-seconds=2",
                "logging.level.root=WARN"
        })
@DirtiesContext
class SubmitVerdictBenchmark {

    private static final int MATCHES = Integer.getInteger("bench.matches", 20);
    private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 10);
    private static final long INTERVAL_MS = Long.getLong("bench.submitIntervalMs", 2_100);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG = "import sys\nsys.stdin.read()\nprint(-12345)\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void submitToFinalVerdictWithTwentyLiveMatches() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM gateway_problem WHERE difficulty <= 1 AND modes LIKE '%BLITZ%'",
                Integer.class) < 3) {
            assertThat(System.nanoTime()).as("three Blitz problems of difficulty 1 in the catalogue").isLessThan(deadline);
            Thread.sleep(500);
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Player> players = new ArrayList<>();
        try {
            for (int i = 0; i < MATCHES * 2; i++) {
                players.add(new Player(port, register("p" + i + "_" + run)));
            }
            for (Player p : players) {
                p.await(n -> n.path("type").asText().equals("session:welcome"), "welcome");
                p.send("lobby:queue", "q", Map.of("mode", "BLITZ"));
            }
            Map<String, List<Player>> matches = new HashMap<>();
            for (Player p : players) {
                p.matchId = p.await(n -> n.path("type").asText().equals("lobby:found"), "lobby:found")
                        .path("payload").path("matchId").asText();
                matches.computeIfAbsent(p.matchId, k -> new ArrayList<>()).add(p);
            }
            assertThat(matches).hasSize(MATCHES);
            for (List<Player> pair : matches.values()) {
                assertThat(pair).hasSize(2);
                for (int seat = 0; seat < 2; seat++) {
                    Player p = pair.get(seat);
                    p.seat = seat;
                    p.send("match:join", "j", Map.of("matchId", p.matchId));
                    JsonNode state = p.await(n -> "j".equals(n.path("replyTo").asText()), "match:state");
                    assertThat(state.path("type").asText()).isEqualTo("match:state");
                    JsonNode problems = state.path("payload").path("problems");
                    assertThat(problems.size()).isEqualTo(3);
                    for (JsonNode problem : problems) {
                        p.problems.add(problem.path("problemId").asText());
                    }
                }
            }
            // wait for the countdown to end everywhere (ticks carry the running period's end)
            Thread.sleep(Duration.ofSeconds(4).toMillis());

            long cpu0 = cpuNanosOfThisProcessAndChildren();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < players.size(); i++) {
                Player p = players.get(i);
                long offset = INTERVAL_MS * i / players.size(); // spread the 40 players over the interval
                Thread thread = new Thread(() -> p.play(offset), "player-" + i);
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            long waitUntil = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < waitUntil) {
                long verdicts = players.stream().mapToLong(p -> p.latenciesMicros.size()).sum();
                if (verdicts == players.stream().mapToLong(p -> p.acknowledged.get()).sum()) {
                    break;
                }
                Thread.sleep(100);
            }
            long sent = players.stream().mapToLong(p -> p.acknowledged.get()).sum();
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = cpuNanosOfThisProcessAndChildren() - cpu0;
            long[] sorted = players.stream().flatMap(p -> p.latenciesMicros.stream()).mapToLong(Long::longValue).sorted().toArray();
            int ac = players.stream().mapToInt(p -> p.accepted.get()).sum();
            int refused = players.stream().mapToInt(p -> p.refused.get()).sum();
            int retried = players.stream().mapToInt(p -> p.rateLimited.get()).sum();
            String line = String.format("BENCH submit -> final verdict: matches=%d players=%d submissions accepted=%d verdicts=%d (AC %d)"
                            + " refused=%d rate-limit retries=%d in %.1f s; p50=%.1f ms p99=%.1f ms max=%.1f ms; CPU per submission"
                            + " (arena JVM + sandboxed children) %.1f ms; loadavg %s%n",
                    matches.size(), players.size(), sent, sorted.length, ac, refused, retried, seconds,
                    pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                    sorted.length == 0 ? 0 : cpu / 1e6 / sorted.length, loadAverage());
            System.out.print(line);
            Files.writeString(Path.of("target", "benchmark-submit-verdict.txt"), line);
            assertThat(sorted.length).as("every accepted submission got its final verdict").isEqualTo(sent);
            assertThat(sent).isGreaterThanOrEqualTo((long) MATCHES * 2 * (SUBMISSIONS - 1));
            assertThat(ac).as("accepted reference solutions").isPositive();
        } finally {
            players.forEach(Player::close);
        }
    }

    /** One player's WebSocket connection; records receive instants of final verdicts. */
    private static final class Player {
        final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        final BlockingQueue<JsonNode> inbound = new LinkedBlockingQueue<>();
        final Map<String, Long> sentAt = new ConcurrentHashMap<>(); // request id -> nanoTime at send
        final Map<String, Long> submitted = new ConcurrentHashMap<>(); // submission id -> nanoTime at send
        final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger rateLimited = new AtomicInteger();
        final BlockingQueue<JsonNode> submitReplies = new LinkedBlockingQueue<>();
        final List<String> problems = new ArrayList<>();
        final Disposable connection;
        volatile String matchId;
        volatile int seat;

        Player(int port, String token) {
            connection = new ReactorNettyWebSocketClient()
                    .execute(URI.create("ws://localhost:" + port + "/ws?access_token=" + token), session ->
                            session.send(outbound.asFlux().map(session::textMessage))
                                    .and(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(this::receive).then()))
                    .subscribe();
        }

        private void receive(String text) {
            long now = System.nanoTime();
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
            String type = node.path("type").asText();
            JsonNode payload = node.path("payload");
            if (node.path("replyTo").asText().startsWith("s")) {
                submitReplies.add(node);
            }
            if (type.equals("match:submitted")) {
                Long at = sentAt.get(node.path("replyTo").asText());
                if (at != null) {
                    submitted.put(payload.path("submissionId").asText(), at);
                    acknowledged.incrementAndGet();
                }
            } else if (type.equals("match:verdict") && !payload.has("stage")) {
                Long at = submitted.remove(payload.path("submissionId").asText());
                if (at != null) { // the final verdict of one of this player's own submissions
                    latenciesMicros.add((now - at) / 1_000);
                    if ("AC".equals(payload.path("verdict").asText())) {
                        accepted.incrementAndGet();
                    }
                }
            } else if (type.equals("error") && node.path("replyTo").asText().startsWith("s")) {
                sentAt.remove(node.path("replyTo").asText());
                if (!"RATE_LIMITED".equals(payload.path("code").asText())) {
                    refused.incrementAndGet();
                    System.out.println("refused: " + text);
                }
            } else if (!type.equals("match:tick") && !type.equals("match:verdict")) {
                inbound.add(node);
            }
        }

        /** SUBMISSIONS submissions, one per INTERVAL_MS: the accepted one at a seat-dependent slot, wrong answers otherwise. */
        void play(long offsetMs) {
            try {
                Thread.sleep(offsetMs);
                String own = problems.get(seat);
                String unsolved = problems.get(2);
                String reference = Files.readString(Path.of("..", "problems", own, "solutions", "ref.py"));
                int acceptedAt = 3 + 2 * seat;
                long next = System.nanoTime();
                for (int k = 0; k < SUBMISSIONS; k++) {
                    boolean ac = k == acceptedAt;
                    for (int attempt = 0; ; attempt++) {
                        String id = "s" + k + "-" + attempt;
                        sentAt.put(id, System.nanoTime());
                        send("match:submit", id, Map.of("matchId", matchId, "problemId", ac ? own : unsolved,
                                "language", "python3", "code", ac ? reference : WRONG + "# " + k + "\n"));
                        JsonNode reply = submitReplies.poll(120, TimeUnit.SECONDS);
                        if (reply == null || !"RATE_LIMITED".equals(reply.path("payload").path("code").asText())) {
                            break;
                        }
                        // the server measures the 2 s between arrivals, which jitter: honour retryAfterMs like a client would
                        rateLimited.incrementAndGet();
                        Thread.sleep(Math.max(10, reply.path("payload").path("retryAfterMs").asLong(100)) + 5);
                    }
                    next = Math.max(next + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS), System.nanoTime());
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
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

        JsonNode await(Predicate<JsonNode> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left <= 0 ? null : inbound.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + what + " within 60 s");
                }
                if (wanted.test(next)) {
                    return next;
                }
            }
        }

        void close() {
            outbound.tryEmitComplete();
            connection.dispose();
        }
    }

    private String register(String handle) {
        JsonNode body = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build()
                .post().uri("/api/auth/register")
                .bodyValue(Map.of("handle", handle, "email", handle + "@example.org", "password", "correct horse battery",
                        "playerClass", "HACKER"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.path("accessToken").asText();
    }

    /** This JVM's CPU plus that of its waited-for children (the sandboxes and the programs they ran), from /proc. */
    private static long cpuNanosOfThisProcessAndChildren() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long children = Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime (ticks of 10 ms)
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                    + children * 10_000_000L;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
