package dev.codearena.command.bench;

import static dev.codearena.command.benchmark.BenchmarkMeters.jvmCpuNanos;
import static dev.codearena.command.benchmark.BenchmarkMeters.loadAverage;
import static dev.codearena.command.benchmark.BenchmarkMeters.postgresCpuNanos;
import static dev.codearena.command.benchmark.BenchmarkMeters.redisCpuNanos;
import static dev.codearena.command.benchmark.BenchmarkMeters.uptime;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionOutcome;
import dev.codearena.api.match.SubmitSolutionCommand;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.RegisterPlayerCommand;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Match engine benchmark (docs/benchmarks.md, "Match engine"). Not part of the normal test run (the
 * class name matches no Surefire pattern); run it with
 * {@code ./mvnw -B -o -pl command-side test -Dtest=MatchEngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Sizes: {@code -Dbench.matches=200 -Dbench.threads=16 -Dbench.seconds=30 -Dbench.warmupSeconds=15}; a JFR
 * profile of the measured part: {@code -Dbench.jfr=true} (target/benchmark-match-engine.jfr; the idle 5 s before it:
 * target/benchmark-match-engine-idle.jfr).
 *
 * <ol>
 *   <li>Throughput: many running Blitz matches; client threads send SubmitSolution then RecordVerdict
 *       (WA, so matches keep running) through the command bus, each command one transaction on the
 *       PostgreSQL event store. Judging runs meanwhile (a pending-job row and a Redis job per submission,
 *       batched per event batch); "sustained" counts the time until it has caught up.</li>
 *   <li>Latency: 20 live matches, each player submitting every 2 s (the product's rate limit): time from
 *       sending the submit command to the job being on the Redis jobs stream (the stream entry id is
 *       the XADD time), which bounds SubmissionReceived → job enqueued from above.</li>
 * </ol>
 */
@EmbeddedInfrastructureTest
class MatchEngineBenchmark {

    private static final int MATCHES = Integer.getInteger("bench.matches", 200);
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    /** Long enough for the JIT to have compiled the command path, also on a loaded machine. */
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 15);
    /** Record a JFR profile of the measured run and the catch-up into target/benchmark-match-engine.jfr. */
    private static final boolean PROFILE = Boolean.getBoolean("bench.jfr");
    private static final ProblemId PROBLEM = ProblemId.of("bench-problem");

    @Test
    void matchEngine() throws Exception {
        String database = EmbeddedInfrastructureExtension.newDatabase("engine_bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .run("--codearena.postgres.url=" + database, "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--codearena.judging.consumer-name=bench",
                        "--spring.datasource.hikari.maximum-pool-size=" + (THREADS + 16))) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            commands.sendAndWait(new ImportProblemCommand(PROBLEM, "bench-1", new ProblemDefinition("Bench", 1, List.of(), 1000, 256,
                    CheckerSpec.TOKENS, Set.of(MatchMode.BLITZ), "", "bench/v1/tests", 1, null)));
            List<MatchId> matches = createMatches(commands, "t", MATCHES);
            awaitStarted(context, matches);

            StringBuilder report = new StringBuilder("uptime at start: " + uptime() + "\n");
            report.append(throughput(commands, matches, context));
            report.append(latency(context, commands));
            report.append("uptime at end: ").append(uptime()).append('\n');
            System.out.println(report);
            Path out = Path.of("target", "benchmark-match-engine.txt");
            Files.writeString(out, report.toString());
        }
    }

    private static List<MatchId> createMatches(CommandGateway commands, String prefix, int count) {
        MatchSettings settings = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100))
                .withStartDelaySeconds(0).withDurationSeconds(3600).withSubmitIntervalMs(0);
        List<MatchId> matches = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            PlayerId a = PlayerId.of(prefix + "-a" + m);
            PlayerId b = PlayerId.of(prefix + "-b" + m);
            commands.sendAndWait(new RegisterPlayerCommand(a, "pa" + prefix + m, PlayerClass.HACKER));
            commands.sendAndWait(new RegisterPlayerCommand(b, "pb" + prefix + m, PlayerClass.HACKER));
            MatchId match = MatchId.of(prefix + "-match-" + m);
            commands.sendAndWait(new CreateMatchCommand(match, MatchMode.BLITZ, settings, List.of(a, b), List.of(PROBLEM)));
            matches.add(match);
        }
        return matches;
    }

    private static void awaitStarted(ConfigurableApplicationContext context, List<MatchId> matches) throws InterruptedException {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Integer started = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.MatchStarted'"
                    + " AND aggregateidentifier LIKE ?", Integer.class, matches.get(0).value().split("-match-")[0] + "-match-%");
            if (started != null && started == matches.size()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("matches did not start");
    }

    private static String throughput(CommandGateway commands, List<MatchId> matches, ConfigurableApplicationContext context)
            throws Exception {
        // warm-up: loads every aggregate into the cache and lets the JIT compile the command path
        runLoad(commands, matches, Duration.ofSeconds(WARMUP_SECONDS), "warm");
        awaitSagasIdle(context);
        // What the idle process tree burns (pollers, schedulers, JIT, GC): not a cost of any command.
        long idleJvm0 = jvmCpuNanos();
        long idlePg0 = postgresCpuNanos();
        long idle0 = idleJvm0 + idlePg0 + redisCpuNanos();
        Map<String, Long> idleThreads0 = threadCpuByName();
        long jit0 = jitMillis();
        long gc0 = gcMillis();
        long idleStart = System.nanoTime();
        jdk.jfr.Recording idleRecording = PROFILE ? new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile")) : null;
        if (idleRecording != null) {
            idleRecording.start();
        }
        Thread.sleep(5_000);
        if (idleRecording != null) {
            idleRecording.dump(Path.of("target", "benchmark-match-engine-idle.jfr"));
            idleRecording.close();
        }
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        long idleJvm = jvmCpuNanos() - idleJvm0;
        long idlePg = postgresCpuNanos() - idlePg0;
        double idleCpuPerSecond = (jvmCpuNanos() + postgresCpuNanos() + redisCpuNanos() - idle0) / idleSeconds;
        String idleSplit = String.format("JVM %.0f + PostgreSQL %.0f ms CPU/s; JIT compiling %.0f ms/s, GC %.0f ms/s (elapsed)",
                idleJvm / 1e6 / idleSeconds, idlePg / 1e6 / idleSeconds, (jitMillis() - jit0) / idleSeconds, (gcMillis() - gc0) / idleSeconds);
        String idleThreads = topThreads(idleThreads0, threadCpuByName(), (System.nanoTime() - idleStart) / 1e9);
        jdk.jfr.Recording recording = PROFILE ? new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile")) : null;
        if (recording != null) {
            recording.start();
        }
        Map<String, Long> dbWork0 = databaseWork(context);
        long jvmCpu0 = jvmCpuNanos();
        long pgCpu0 = postgresCpuNanos();
        long redisCpu0 = redisCpuNanos();
        long loadStart = System.nanoTime();
        AtomicLong[] result = runLoad(commands, matches, Duration.ofSeconds(SECONDS), "run");
        long count = result[0].get();
        double runJvmMs = (jvmCpuNanos() - jvmCpu0) / 1e6 / count;
        double runPgMs = (postgresCpuNanos() - pgCpu0) / 1e6 / count;
        String runCpu = String.format("CPU per command during the run: JVM %.2f ms + PostgreSQL %.2f ms%n", runJvmMs, runPgMs);
        double perSecond = count / (double) SECONDS;
        long sagaStart = System.nanoTime();
        awaitSagasIdle(context);
        double catchUp = (System.nanoTime() - sagaStart) / 1e9;
        if (recording != null) {
            recording.dump(Path.of("target", "benchmark-match-engine.jfr"));
            recording.close();
        }
        // CPU spent for the whole load, sagas and judge jobs included, until the sagas were idle
        double jvmMs = (jvmCpuNanos() - jvmCpu0) / 1e6 / count;
        double pgMs = (postgresCpuNanos() - pgCpu0) / 1e6 / count;
        double redisMs = (redisCpuNanos() - redisCpu0) / 1e6 / count;
        double idleMs = idleCpuPerSecond * ((System.nanoTime() - loadStart) / 1e9) / 1e6 / count;
        double totalMs = jvmMs + pgMs + redisMs;
        double netMs = totalMs - idleMs;
        String cpu = String.format("CPU per command until everything it caused was done (JVM %.2f ms + PostgreSQL %.2f ms + Redis %.2f ms) = %.2f ms; "
                        + "of which the idle background (%.0f ms CPU/s measured before the run) %.2f ms -> net %.2f ms per command -> "
                        + "2 cores sustain about %.0f commands/s (%.0f without subtracting the background) when the machine is otherwise idle; "
                        + "load average during the run %s%n",
                jvmMs, pgMs, redisMs, totalMs, idleCpuPerSecond / 1e6, idleMs, netMs, 2 * 1000 / netMs, 2 * 1000 / totalMs,
                loadAverage());
        double sustained = count / (SECONDS + catchUp);
        Map<String, Long> dbWork1 = databaseWork(context);
        String dbWork = dbWork1.entrySet().stream()
                .filter(e -> e.getValue() - dbWork0.getOrDefault(e.getKey(), 0L) > 0)
                .map(e -> String.format("%s %.2f", e.getKey(), (e.getValue() - dbWork0.getOrDefault(e.getKey(), 0L)) / (double) count))
                .collect(java.util.stream.Collectors.joining(", "));
        return String.format("match engine throughput: %d commands in %d s = %.0f commands/s during the run (%d threads, %d matches); "
                        + "command round trip p50 %.1f ms p99 %.1f ms; judging caught up %.1f s after the load -> "
                        + "sustained %.0f commands/s including judging%n",
                count, SECONDS, perSecond, THREADS, matches.size(), LATENCIES.p(50), LATENCIES.p(99), catchUp, sustained)
                + runCpu + cpu + "database work per command until then (load-insensitive): " + dbWork + "\n"
                + "idle background: " + idleSplit + "; by JVM thread (ms CPU/s): " + idleThreads + "\n";
    }

    /**
     * Counters of the benchmark's database (cumulative; the statistics collector reports them within
     * about half a second): transactions, and rows inserted / updated / deleted / fetched per table.
     */
    private static Map<String, Long> databaseWork(ConfigurableApplicationContext context) throws InterruptedException {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Thread.sleep(1_000); // let the backends report their counters
        Map<String, Long> work = new java.util.TreeMap<>();
        jdbc.query("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()", rs -> {
            work.put("commits", rs.getLong(1));
            work.put("rollbacks", rs.getLong(2));
        });
        jdbc.query("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_tup_fetch, 0) + seq_tup_read FROM pg_stat_user_tables", rs -> {
            String table = rs.getString(1).toLowerCase();
            work.put(table + ".ins", rs.getLong(2));
            work.put(table + ".upd", rs.getLong(3));
            work.put(table + ".del", rs.getLong(4));
            work.put(table + ".read", rs.getLong(5));
        });
        return work;
    }

    private static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /** CPU time of the live JVM threads, summed per thread name with digits folded (pools). */
    private static Map<String, Long> threadCpuByName() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    byName.merge(info.getThreadName().replaceAll("\\d+", "#"), cpu, Long::sum);
                }
            }
        }
        return byName;
    }

    private static String topThreads(Map<String, Long> before, Map<String, Long> after, double seconds) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L))))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e6 / seconds))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static final Percentiles LATENCIES = new Percentiles();

    private static AtomicLong[] runLoad(CommandGateway commands, List<MatchId> matches, Duration duration, String tag)
            throws Exception {
        AtomicLong count = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long end = System.nanoTime() + duration.toNanos();
        boolean measure = tag.equals("run");
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    for (int m = thread; m < matches.size() && System.nanoTime() < end; m += THREADS) {
                        MatchId match = matches.get(m);
                        PlayerId player = PlayerId.of(match.value().replace("-match-", "-a"));
                        SubmissionId id = SubmissionId.of(tag + "-" + thread + "-" + (n++));
                        long t0 = System.nanoTime();
                        SubmissionOutcome outcome = commands.sendAndWait(new SubmitSolutionCommand(match, id, player, PROBLEM,
                                Language.PYTHON3, "print(0)"));
                        long t1 = System.nanoTime();
                        commands.sendAndWait(new RecordVerdictCommand(match, id, Verdict.WA, true, 0, 1, null, 1));
                        long t2 = System.nanoTime();
                        if (!outcome.accepted()) {
                            throw new IllegalStateException("refused: " + outcome);
                        }
                        count.addAndGet(2);
                        if (measure) {
                            LATENCIES.add(t1 - t0);
                            LATENCIES.add(t2 - t1);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new AtomicLong[]{count, new AtomicLong()};
    }

    /**
     * Everything the load caused is done: no judge job is waiting for its result and every tracking
     * processor (finalisation saga, lookups) has read up to the head of the event store.
     */
    private static void awaitSagasIdle(ConfigurableApplicationContext context) throws InterruptedException {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (System.nanoTime() < deadline) {
            Integer open = jdbc.queryForObject("SELECT count(*) FROM judge_jobs", Integer.class);
            Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            List<String> tokens = jdbc.queryForList("SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE token IS NOT NULL",
                    String.class);
            boolean caughtUp = tokens.stream().allMatch(token -> {
                java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"index\":(\\d+)").matcher(token);
                return index.find() && head != null && Long.parseLong(index.group(1)) >= head;
            });
            if (open != null && open == 0 && caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the work caused by the load did not finish within 600 s");
    }

    private static String latency(ConfigurableApplicationContext context, CommandGateway commands) throws Exception {
        List<MatchId> live = createMatches(commands, "l", 20);
        awaitStarted(context, live);
        StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
        Map<String, Long> sentAtMillis = new ConcurrentHashMap<>();
        String lastId = lastStreamId(redis);
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            long roundStart = System.currentTimeMillis();
            for (MatchId match : live) {
                for (String side : List.of("-a", "-b")) {
                    PlayerId player = PlayerId.of(match.value().replace("-match-", side));
                    SubmissionId id = SubmissionId.of("lat-" + match.value() + side + "-" + round);
                    sentAtMillis.put(id.value(), System.currentTimeMillis());
                    commands.sendAndWait(new SubmitSolutionCommand(match, id, player, PROBLEM, Language.PYTHON3, "print(0)"));
                }
            }
            Thread.sleep(Math.max(0, 2000 - (System.currentTimeMillis() - roundStart)));
        }
        Thread.sleep(3000);
        Percentiles enqueue = new Percentiles();
        @SuppressWarnings("unchecked")
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(StreamReadOptions.empty().count(100_000),
                StreamOffset.create(JudgeChannels.JOBS, ReadOffset.from(lastId)));
        for (MapRecord<String, Object, Object> record : records) {
            String body = String.valueOf(record.getValue().get(JudgeChannels.FIELD_JSON));
            int start = body.indexOf("\"submissionId\":\"") + 16;
            String id = body.substring(start, body.indexOf('"', start));
            Long sent = sentAtMillis.get(id);
            if (sent != null) {
                enqueue.add((Long.parseLong(record.getId().getValue().split("-")[0]) - sent) * 1_000_000L);
            }
        }
        assertThat(enqueue.size()).isEqualTo(sentAtMillis.size());
        return String.format("submit -> judge job on the stream (%d submissions, 20 live matches, 1 per player per 2 s): "
                + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", enqueue.size(), enqueue.p(50), enqueue.p(99), enqueue.p(100));
    }

    private static String lastStreamId(StringRedisTemplate redis) {
        var info = redis.opsForStream().reverseRange(JudgeChannels.JOBS, org.springframework.data.domain.Range.unbounded(),
                org.springframework.data.redis.connection.Limit.limit().count(1));
        return info == null || info.isEmpty() ? "0-0" : info.get(0).getId().getValue();
    }

    /** Nanosecond samples; percentiles in milliseconds. */
    static final class Percentiles {
        private final List<Long> samples = java.util.Collections.synchronizedList(new ArrayList<>());

        void add(long nanos) {
            samples.add(nanos);
        }

        int size() {
            return samples.size();
        }

        double p(int percentile) {
            List<Long> sorted;
            synchronized (samples) {
                sorted = new ArrayList<>(samples);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            sorted.sort(null);
            int index = (int) Math.min(sorted.size() - 1, Math.ceil(percentile / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }
}
