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
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * Submit → final verdict latency with 20 live Blitz matches, through the whole arena in one process
 * (gateway, engine, judging saga, the real judge on the local bubblewrap sandbox, query side): 40
 * players register over HTTP, queue over WebSocket, are matched in pairs by the matchmaker and join
 * their matches. The problem set is cut down to three difficulty-1 problems, so every match gets
 * the same ones: {@value #TEN_TESTS} (ten small tests, ≤ 82 KB each) and two others.
 * <p>
 * The measured submission is what the target names, Python on ten small tests: the reference
 * solution of {@value #TEN_TESTS} with its answer spoiled on the last test only (a "wrong answer on
 * test 10"), so the judge runs all ten tests (it stops at the first failure) and the problem is never
 * locked. Each player also submits the accepted reference of a problem of its own once (Blitz ends
 * only when every problem is locked, so all 20 matches stay live).
 * <ol>
 *   <li><b>Idle</b>: one player submits {@code bench.idleSubmissions} times, one at a time (the next
 *       after the previous verdict and the rate limit), with the 20 matches live but nobody else
 *       submitting: the single-submission latency, with the client-side breakdown (ack, first and
 *       last per-test verdict, final verdict).</li>
 *   <li><b>Live</b> (default): every player submits {@code bench.submissions} times with random
 *       gaps of 2 s (the rate limit, as a client's disabled button) plus an exponential with mean
 *       {@code bench.meanIntervalMs} − 2 s: a Poisson-like stream of 40 / mean submissions/s. The
 *       default mean of 15 s is 8× the pace of a busy real Blitz player (docs/benchmarks.md).</li>
 *   <li><b>Saturation</b> ({@code -Dbench.submitIntervalMs=2100}): every player at a fixed interval
 *       instead (at the rate limit: 40 / 2.1 s ≈ 19 submissions/s), to find what the machine
 *       sustains; the summary then reports the judged rate.</li>
 * </ol>
 * Latency = the client's {@code match:submit} send → that client's receipt of the submission's final
 * {@code match:verdict} (not the per-test ones); a send answered {@code RATE_LIMITED} is retried after
 * its {@code retryAfterMs} and measured from the send that was taken.
 * <p>
 * Not part of the normal run (its name matches no Surefire pattern); see docs/benchmarks.md, "Gateway".
 */
@Tag("benchmark")
@EmbeddedInfrastructureTest
@SpringBootTest(classes = ArenaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "codearena.data-dir=target/test-data/submit-bench",
                "codearena.matchmaking.pass-interval=500ms",
                "codearena.matchmaking.modes.BLITZ.problem-count=3",
                "codearena.matchmaking.modes.BLITZ.max-difficulty=1",
                "codearena.matchmaking.modes.BLITZ.duration-seconds=1800",
                "codearena.matchmaking.modes.BLITZ.start-delay-seconds=2",
                "logging.level.root=WARN"
        })
@DirtiesContext
class SubmitVerdictBenchmark {

    static final String TEN_TESTS = "clock-angle";
    private static final List<String> PROBLEMS = List.of(TEN_TESTS, "cinema-row", "palindrome-words");
    private static final int MATCHES = Integer.getInteger("bench.matches", 20);
    private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 10);
    private static final int IDLE_SUBMISSIONS = Integer.getInteger("bench.idleSubmissions", 12);
    /** Set: saturation mode, every player at this fixed interval. Unset: live mode. */
    private static final Long FIXED_INTERVAL_MS = Long.getLong("bench.submitIntervalMs");
    private static final long MEAN_INTERVAL_MS = Long.getLong("bench.meanIntervalMs", 15_000);
    private static final long RATE_LIMIT_MS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RECORD = Path.of("target", "benchmark-submit-verdict-record.csv");
    private static final Path PROBLEMS_DIR = Path.of("target", "test-data", "submit-bench-problems");

    /** The benchmark's problem set: a copy of three problems of the repository's set. */
    @DynamicPropertySource
    static void problems(DynamicPropertyRegistry registry) throws java.io.IOException {
        if (Files.exists(PROBLEMS_DIR)) {
            org.springframework.util.FileSystemUtils.deleteRecursively(PROBLEMS_DIR);
        }
        for (String slug : PROBLEMS) {
            org.springframework.util.FileSystemUtils.copyRecursively(Path.of("..", "problems", slug), PROBLEMS_DIR.resolve(slug));
        }
        registry.add("codearena.problems.dir", PROBLEMS_DIR::toString);
    }

    /** Right on tests 1–9 of clock-angle, wrong on the last one only (sixty times 15:mm:00). */
    static String wrongOnLastTest(int variant) throws java.io.IOException {
        String reference = Files.readString(Path.of("..", "problems", TEN_TESTS, "solutions", "ref.py"));
        return reference.replace("print('\\n'.join(out))",
                "if data[:2] == [60, 15]:\n    out[0] = '1.5'\nprint('\\n'.join(out))") + "# " + variant + "\n";
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ReactiveStringRedisTemplate reactiveRedis;
    @Autowired
    org.axonframework.eventhandling.EventBus eventBus;

    @Test
    void submitToFinalVerdictWithTwentyLiveMatches() throws Exception {
        assertThat(wrongOnLastTest(0)).as("the spoiled reference differs from the reference").contains("out[0] = '1.5'");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM gateway_problem WHERE difficulty <= 1 AND modes LIKE '%BLITZ%'",
                Integer.class) < 3) {
            assertThat(System.nanoTime()).as("three Blitz problems of difficulty 1 in the catalogue").isLessThan(deadline);
            Thread.sleep(500);
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Player> players = new ArrayList<>();
        SubmissionTimeline timeline = new SubmissionTimeline(reactiveRedis, eventBus, redis);
        try {
            for (int i = 0; i < MATCHES * 2; i++) {
                players.add(new Player(port, register("p" + i + "_" + run), "p" + i));
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
                    p.send("match:join", "j", Map.of("matchId", p.matchId));
                    JsonNode state = p.await(n -> "j".equals(n.path("replyTo").asText()), "match:state");
                    assertThat(state.path("type").asText()).isEqualTo("match:state");
                    JsonNode problems = state.path("payload").path("problems");
                    assertThat(problems.size()).isEqualTo(3);
                    List<String> others = new ArrayList<>();
                    for (JsonNode problem : problems) {
                        String id = problem.path("problemId").asText();
                        if (id.contains(TEN_TESTS)) {
                            p.tenTests = id;
                        } else {
                            others.add(id);
                        }
                    }
                    assertThat(p.tenTests).as("every match has " + TEN_TESTS).isNotNull();
                    p.own = others.get(seat);
                    p.ownReference = Files.readString(Path.of("..", "problems", p.own.contains("cinema") ? "cinema-row" : "palindrome-words",
                            "solutions", "ref.py"));
                }
            }
            // wait for the countdown to end everywhere (ticks carry the running period's end)
            Thread.sleep(Duration.ofSeconds(4).toMillis());

            // 1. idle: one submission at a time, nobody else submitting
            Player solo = players.get(0);
            long quietCpu0 = cpuNanosOfThisProcessAndChildren();
            long quiet0 = System.nanoTime();
            Thread.sleep(3_000); // the arena's own background with 20 live matches and nobody submitting
            double backgroundCpuPerNano = (double) (cpuNanosOfThisProcessAndChildren() - quietCpu0) / (System.nanoTime() - quiet0);
            long idleCpu0 = cpuNanosOfThisProcessAndChildren();
            long idle0 = System.nanoTime();
            for (int k = 0; k < IDLE_SUBMISSIONS; k++) {
                String submission = solo.submit("i" + k, solo.tenTests, wrongOnLastTest(1000 + k));
                solo.awaitVerdict(submission);
                Thread.sleep(RATE_LIMIT_MS + 50);
            }
            long idleCpu = cpuNanosOfThisProcessAndChildren() - idleCpu0;
            long idleNetCpu = idleCpu - Math.round(backgroundCpuPerNano * (System.nanoTime() - idle0));
            List<Submission> idle = new ArrayList<>(solo.done);
            solo.done.clear();
            solo.acknowledged.addAndGet(-idle.size());
            int warm = Math.min(2, idle.size() - 1); // the first ones warm the JIT and the caches
            List<Submission> idleWarm = idle.subList(warm, idle.size());
            String idleLine = String.format("BENCH idle single submission (%s, Python, 10 tests, WA on the last; %d measured after %d warm-up): "
                            + "submit->final p50=%.1f ms max=%.1f ms; breakdown p50: submit->ack %.1f, ack->first test %.1f, "
                            + "first->last test %.1f, last test->final %.1f ms; judge-reported per test p50 wall %.1f ms cpu %.1f ms; "
                            + "arena CPU per submission %.1f ms (%.1f ms before subtracting the background of 20 live matches, %.0f ms/s); loadavg %s%n",
                    TEN_TESTS, idleWarm.size(), warm, median(idleWarm, Submission::totalMicros) / 1000.0,
                    idleWarm.stream().mapToLong(Submission::totalMicros).max().orElse(0) / 1000.0,
                    median(idleWarm, s -> s.ackAt - s.sentAt) / 1e6, median(idleWarm, s -> s.firstTestAt - s.ackAt) / 1e6,
                    median(idleWarm, s -> s.lastTestAt - s.firstTestAt) / 1e6, median(idleWarm, s -> s.finalAt - s.lastTestAt) / 1e6,
                    median(idleWarm, s -> s.testWallMs * 1000 / Math.max(1, s.tests)) / 1000.0,
                    median(idleWarm, s -> s.testCpuMs * 1000 / Math.max(1, s.tests)) / 1000.0,
                    idleNetCpu / 1e6 / Math.max(1, idle.size()), idleCpu / 1e6 / Math.max(1, idle.size()), backgroundCpuPerNano * 1e3,
                    loadAverage());
            System.out.print(idleLine);
            assertThat(idleWarm).allSatisfy(s -> assertThat(s.tests).as("tests run").isEqualTo(10));

            // 2. live (random gaps) or saturation (fixed interval)
            long cpu0 = cpuNanosOfThisProcessAndChildren();
            long machine0 = machineBusyNanos();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            LivePace pace = new LivePace(players.size(), RATE_LIMIT_MS, MEAN_INTERVAL_MS);
            for (int i = 0; i < players.size(); i++) {
                Player p = players.get(i);
                long offset = FIXED_INTERVAL_MS == null ? 0 : FIXED_INTERVAL_MS * i / players.size(); // spread over the interval
                int index = i;
                Thread thread = new Thread(() -> p.play(offset, () -> pace.nextGapMs(index)), "player-" + i);
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            long sendsDone = System.nanoTime();
            long waitUntil = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < waitUntil) {
                if (players.stream().mapToLong(p -> p.done.size()).sum() == players.stream().mapToLong(p -> p.acknowledged.get()).sum()) {
                    break;
                }
                Thread.sleep(20);
            }
            long sent = players.stream().mapToLong(p -> p.acknowledged.get()).sum();
            long cpu = cpuNanosOfThisProcessAndChildren() - cpu0;
            long machine = machineBusyNanos() - machine0;
            List<Submission> all = players.stream().flatMap(p -> p.done.stream()).toList();
            long lastVerdict = all.stream().mapToLong(s -> s.finalAt).max().orElse(start);
            long firstSend = all.stream().mapToLong(s -> s.sentAt).min().orElse(start);
            double sendSeconds = (sendsDone - start) / 1e9;
            double judgedSeconds = (lastVerdict - firstSend) / 1e9;
            long[] sorted = all.stream().mapToLong(Submission::totalMicros).sorted().toArray();
            long[] tenTests = all.stream().filter(s -> s.tests == 10).mapToLong(Submission::totalMicros).sorted().toArray();
            int ac = players.stream().mapToInt(p -> p.accepted.get()).sum();
            int refused = players.stream().mapToInt(p -> p.refused.get()).sum();
            int retried = players.stream().mapToInt(p -> p.rateLimited.get()).sum();
            String mode = FIXED_INTERVAL_MS == null
                    ? String.format("live: gaps 2 s + exp(mean %d ms), offered %.2f/s", MEAN_INTERVAL_MS - RATE_LIMIT_MS,
                    players.size() * 1000.0 / MEAN_INTERVAL_MS)
                    : String.format("saturation: fixed interval %d ms, offered %.2f/s", FIXED_INTERVAL_MS,
                    players.size() * 1000.0 / FIXED_INTERVAL_MS);
            String line = String.format("BENCH submit -> final verdict (%s): matches=%d players=%d submissions accepted=%d verdicts=%d (AC %d)"
                            + " refused=%d rate-limit retries=%d; sent in %.1f s, judged %.2f/s (first send -> last verdict %.1f s);"
                            + " all: p50=%.1f ms p99=%.1f ms max=%.1f ms; the %d with 10 tests: p50=%.1f ms p99=%.1f ms;"
                            + " CPU per submission: arena JVM + reaped sandbox children %.1f ms, of which the tests' own (judge-reported) %.1f ms;"
                            + " whole machine busy %.1f ms (everything running on it: meaningful only when it is otherwise quiet); loadavg %s%n",
                    mode, matches.size(), players.size(), sent, sorted.length, ac, refused, retried, sendSeconds,
                    sorted.length / judgedSeconds, judgedSeconds,
                    pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                    tenTests.length, pct(tenTests, 50) / 1000.0, pct(tenTests, 99) / 1000.0,
                    sorted.length == 0 ? 0 : cpu / 1e6 / sorted.length,
                    all.stream().mapToLong(x -> x.testCpuMs).average().orElse(0),
                    sorted.length == 0 ? 0 : machine / 1e6 / sorted.length, loadAverage());
            System.out.print(line);
            // the per-submission record: which stage the slowest ones spent their time in
            List<SubmissionTimeline.ClientSide> measured = new ArrayList<>();
            idleWarm.forEach(s -> measured.add(s.clientSide("idle")));
            all.forEach(s -> measured.add(s.clientSide(FIXED_INTERVAL_MS == null ? "live" : "saturation")));
            List<SubmissionTimeline.Line> record = timeline.collect(measured, jdbc);
            SubmissionTimeline.write(RECORD, record);
            String slow = SubmissionTimeline.slowest(record.stream().filter(l -> !l.client().phase().equals("idle")).toList(), 2)
                    + SubmissionTimeline.slowest(record.stream().filter(l -> l.client().phase().equals("idle")).toList(), 10);
            slow += String.format("BENCH Redis connections opened during the run (idle + live phases and the set-up): %d; loadavg %s%n",
                    timeline.connectionsOpenedSinceStart(), loadAverage());
            System.out.print(slow);
            System.out.println("BENCH per-submission record (one line per measured submission): " + RECORD.toAbsolutePath());
            Files.writeString(Path.of("target", "benchmark-submit-verdict.txt"), idleLine + line + slow);
            assertThat(sorted.length).as("every accepted submission got its final verdict").isEqualTo(sent);
            assertThat(sent).isGreaterThanOrEqualTo((long) MATCHES * 2 * (SUBMISSIONS - 1));
            assertThat(ac).as("accepted reference solutions").isPositive();
        } finally {
            players.forEach(Player::close);
            timeline.close();
        }
    }

    /** Client-side instants (nanoTime) of one submission, and what the judge reported per test. */
    private static final class Submission {
        final long sentAt;
        final String player;
        volatile String id;
        volatile long ackAt;
        volatile long firstTestAt;
        volatile long lastTestAt;
        volatile long finalAt;
        volatile int tests;
        volatile long testWallMs;
        volatile long testCpuMs;

        Submission(long sentAt, String player) {
            this.sentAt = sentAt;
            this.player = player;
        }

        SubmissionTimeline.ClientSide clientSide(String phase) {
            return new SubmissionTimeline.ClientSide(phase, player, id, tests, sentAt, ackAt, firstTestAt, lastTestAt, finalAt);
        }

        long totalMicros() {
            return (finalAt - sentAt) / 1_000;
        }
    }

    private static double median(List<Submission> submissions, java.util.function.ToLongFunction<Submission> micros) {
        long[] sorted = submissions.stream().mapToLong(micros).sorted().toArray();
        return pct(sorted, 50);
    }

    /** One player's WebSocket connection; records the instants of its submissions' replies and verdicts. */
    private static final class Player {
        final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        final BlockingQueue<JsonNode> inbound = new LinkedBlockingQueue<>();
        final Map<String, Long> sentAt = new ConcurrentHashMap<>(); // request id -> nanoTime at send
        final Map<String, Submission> pending = new ConcurrentHashMap<>(); // submission id -> its instants
        final Map<String, JsonNode> earlyFinals = new ConcurrentHashMap<>(); // final verdicts of submissions not (yet) acknowledged
        final ConcurrentLinkedQueue<Submission> done = new ConcurrentLinkedQueue<>();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger rateLimited = new AtomicInteger();
        final BlockingQueue<JsonNode> submitReplies = new LinkedBlockingQueue<>();
        final Disposable connection;
        final String name;
        volatile String matchId;
        volatile String tenTests;
        volatile String own;
        volatile String ownReference;

        Player(int port, String token, String name) {
            this.name = name;
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
            String replyTo = node.path("replyTo").asText();
            boolean submitReply = replyTo.startsWith("s") || replyTo.startsWith("i");
            if (type.equals("match:submitted")) {
                Long at = sentAt.get(replyTo);
                if (at != null) {
                    Submission submission = new Submission(at, name);
                    submission.ackAt = now;
                    String id = payload.path("submissionId").asText();
                    submission.id = id;
                    acknowledged.incrementAndGet();
                    JsonNode early = earlyFinals.remove(id);
                    if (early != null) { // the verdict overtook the reply: counted at the reply, the later of the two
                        submission.finalAt = now;
                        done.add(submission);
                        if ("AC".equals(early.path("verdict").asText())) {
                            accepted.incrementAndGet();
                        }
                    } else {
                        pending.put(id, submission);
                    }
                }
            } else if (type.equals("match:verdict")) {
                Submission submission = pending.get(payload.path("submissionId").asText());
                if (submission == null && !payload.has("stage")) { // maybe ours before its reply, or the opponent's
                    earlyFinals.put(payload.path("submissionId").asText(), payload);
                }
                if (submission != null) { // one of this player's own submissions
                    if (payload.has("stage")) {
                        if (submission.firstTestAt == 0) {
                            submission.firstTestAt = now;
                        }
                        submission.lastTestAt = now;
                        submission.tests++;
                        submission.testWallMs += payload.path("wallMs").asLong();
                        submission.testCpuMs += payload.path("cpuMs").asLong();
                    } else {
                        submission.finalAt = now;
                        pending.remove(payload.path("submissionId").asText());
                        done.add(submission);
                        if ("AC".equals(payload.path("verdict").asText())) {
                            accepted.incrementAndGet();
                        }
                    }
                }
            } else if (type.equals("error") && submitReply) {
                sentAt.remove(replyTo);
                if (!"RATE_LIMITED".equals(payload.path("code").asText())) {
                    refused.incrementAndGet();
                    System.out.println("refused: " + text);
                }
            } else if (!type.equals("match:tick")) {
                inbound.add(node);
            }
            if (submitReply) {
                submitReplies.add(node);
            }
        }

        /**
         * SUBMISSIONS submissions: the accepted reference of its own problem once (at a slot that
         * differs between the two seats' players), the ten-test wrong answer otherwise. Gaps: fixed in
         * saturation mode, random (rate limit + exponential) in live mode.
         */
        void play(long offsetMs, java.util.function.LongSupplier liveGapsMs) {
            try {
                Thread.sleep(offsetMs);
                int acceptedAt = 3 + (own.contains("cinema") ? 0 : 2);
                long next = System.nanoTime();
                for (int k = 0; k < SUBMISSIONS; k++) {
                    long gapMs = FIXED_INTERVAL_MS != null ? FIXED_INTERVAL_MS : liveGapsMs.getAsLong();
                    if (FIXED_INTERVAL_MS == null) { // live: the first submission also comes after a random gap
                        next += TimeUnit.MILLISECONDS.toNanos(gapMs);
                        sleepUntil(next);
                    }
                    boolean ac = k == acceptedAt;
                    submit("s" + k, ac ? own : tenTests, ac ? ownReference : wrongOnLastTest(k));
                    if (FIXED_INTERVAL_MS != null) {
                        next = Math.max(next + TimeUnit.MILLISECONDS.toNanos(gapMs), System.nanoTime());
                        sleepUntil(next);
                    } else {
                        next = Math.max(next, System.nanoTime());
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            long sleep = nanoTime - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }

        /** Sends one submission, retrying after {@code retryAfterMs} while rate-limited; returns its submission id (null if refused). */
        String submit(String requestId, String problemId, String code) throws InterruptedException {
            for (int attempt = 0; ; attempt++) {
                String id = requestId + "-" + attempt;
                sentAt.put(id, System.nanoTime());
                send("match:submit", id, Map.of("matchId", matchId, "problemId", problemId, "language", "python3", "code", code));
                JsonNode reply = submitReplies.poll(120, TimeUnit.SECONDS);
                if (reply == null || !"RATE_LIMITED".equals(reply.path("payload").path("code").asText())) {
                    return reply == null || !reply.path("type").asText().equals("match:submitted") ? null
                            : reply.path("payload").path("submissionId").asText();
                }
                // the server measures the 2 s between arrivals, which jitter: honour retryAfterMs like a client would
                rateLimited.incrementAndGet();
                Thread.sleep(Math.max(10, reply.path("payload").path("retryAfterMs").asLong(100)) + 5);
            }
        }

        void awaitVerdict(String submissionId) throws InterruptedException {
            assertThat(submissionId).as("submission taken").isNotNull();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pending.containsKey(submissionId)) {
                assertThat(System.nanoTime()).as("verdict of " + submissionId + " within 60 s").isLessThan(deadline);
                Thread.sleep(1);
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

    /** CPU time all cores spent busy (user, nice, system, irq, softirq, steal), from /proc/stat. */
    private static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(f[i]);
            }
            return ticks * 10_000_000L;
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
