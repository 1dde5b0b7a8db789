package dev.codearena.command.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.match.MatchMode;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.command.benchmark.BenchmarkMeters;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Flux;

/**
 * One matchmaking pass over 10,000 queued players in a mode, against real Redis: lock, read the
 * queue, group, claim every group in one script, unlock (match creation happens after the lock and
 * is not timed). Not part of the normal run; see docs/benchmarks.md, "Gateway".
 */
@Tag("benchmark")
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"codearena.matchmaking.enabled=false", "codearena.data-dir=target/test-data/mm-bench",
                "logging.level.root=WARN"})
class MatchmakingBenchmark {

    private static final int QUEUED = Integer.getInteger("bench.queued", 10_000);
    /** The threads a pass runs on: the caller (block) and Lettuce's I/O threads (decoding, pairing, encoding). */
    private static final String[] WORK_THREADS = {"main", "lettuce-"};
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 12);

    @Autowired
    Matchmaker matchmaker;
    @Autowired
    MatchQueue queue;
    @Autowired
    MatchmakingProperties properties;

    @Test
    void passOverTenThousandQueuedPlayers() {
        Random random = new Random(7);
        long[] millis = new long[ROUNDS];
        long jvmCpu = 0;
        long workCpu = 0;
        long redisCpu = 0;
        int matched = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<String> ids = queueRandomPlayers(random);
            assertThat(queue.size(MatchMode.BLITZ).block()).isEqualTo(QUEUED);
            long jvm0 = BenchmarkMeters.jvmCpuNanos();
            long work0 = BenchmarkMeters.threadsCpuNanos(WORK_THREADS);
            long redis0 = BenchmarkMeters.redisCpuNanos();
            long start = System.nanoTime();
            List<List<QueuedPlayer>> claimed = matchmaker.claimPass(MatchMode.BLITZ).block();
            millis[round] = (System.nanoTime() - start) / 1_000_000;
            if (round >= 2) {
                jvmCpu += BenchmarkMeters.jvmCpuNanos() - jvm0;
                workCpu += BenchmarkMeters.threadsCpuNanos(WORK_THREADS) - work0;
                redisCpu += BenchmarkMeters.redisCpuNanos() - redis0;
            }
            matched = claimed.size() * 2;
            matchmaker.claimPass(MatchMode.BLITZ).block(); // the leftovers (out of everyone's window) are cleared below
            Flux.fromIterable(ids).flatMap(id -> queue.leave(id, MatchMode.BLITZ), 256).blockLast();
        }
        long[] warm = Arrays.copyOfRange(millis, 2, ROUNDS);
        Arrays.sort(warm);
        System.out.printf("BENCH matchmaking pass: queued=%d matched=%d rounds(ms)=%s median(warm)=%d ms max(warm)=%d ms"
                        + " CPU per warm pass: JVM %.1f ms (of which the pass's threads %.1f ms) + Redis %.1f ms; loadavg %s%n",
                QUEUED, matched, Arrays.toString(millis), warm[warm.length / 2], warm[warm.length - 1],
                jvmCpu / 1e6 / warm.length, workCpu / 1e6 / warm.length, redisCpu / 1e6 / warm.length, BenchmarkMeters.loadAverage());
        assertThat(matched).isGreaterThan(QUEUED / 2);
        phases(random);
    }

    /** Queues {@link #QUEUED} players with ratings around 1500, queued within the last two minutes. */
    private List<String> queueRandomPlayers(Random random) {
        long now = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            ids.add("bench-" + UUID.randomUUID());
        }
        Flux.fromIterable(ids)
                .flatMap(id -> queue.join(id, MatchMode.BLITZ, (int) Math.round(1500 + 300 * random.nextGaussian()),
                        now - random.nextInt(120_000)), 256)
                .blockLast();
        return ids;
    }

    /** Where a pass's time goes: the same steps as {@link Matchmaker#claimPass}, timed one by one. */
    private void phases(Random random) {
        int rounds = 5;
        long[][] phaseNanos = new long[3][rounds];
        long[] redisCpu = new long[3];
        long[] jvmCpu = new long[3];
        for (int round = 0; round < rounds; round++) {
            List<String> ids = queueRandomPlayers(random);
            long r0 = BenchmarkMeters.redisCpuNanos();
            long c0 = BenchmarkMeters.threadsCpuNanos(WORK_THREADS);
            long t0 = System.nanoTime();
            MatchQueue.Snapshot snapshot = queue.snapshot(MatchMode.BLITZ).block();
            long t1 = System.nanoTime();
            long c1 = BenchmarkMeters.threadsCpuNanos(WORK_THREADS);
            long r1 = BenchmarkMeters.redisCpuNanos();
            long pairStart = System.nanoTime();
            List<List<QueuedPlayer>> groups = MatchmakingPass.groups(snapshot.players(), System.currentTimeMillis(),
                    properties.rules(MatchMode.BLITZ));
            long pairEnd = System.nanoTime();
            long c2 = BenchmarkMeters.threadsCpuNanos(WORK_THREADS);
            long t2 = System.nanoTime();
            queue.claimAll(MatchMode.BLITZ, snapshot.removals(), groups).block();
            long t3 = System.nanoTime();
            long c3 = BenchmarkMeters.threadsCpuNanos(WORK_THREADS);
            long r3 = BenchmarkMeters.redisCpuNanos();
            phaseNanos[0][round] = t1 - t0;
            phaseNanos[1][round] = pairEnd - pairStart;
            phaseNanos[2][round] = t3 - t2;
            if (round > 0) {
                redisCpu[0] += r1 - r0;
                redisCpu[2] += r3 - r1;
                jvmCpu[0] += c1 - c0;
                jvmCpu[2] += c3 - c2;
            }
            Flux.fromIterable(ids).flatMap(id -> queue.leave(id, MatchMode.BLITZ), 256).blockLast();
        }
        for (long[] phase : phaseNanos) {
            Arrays.sort(phase);
        }
        System.out.printf("BENCH matchmaking phases (median of %d): read queue %.1f ms (Redis CPU %.1f ms, the pass's JVM threads %.1f ms),"
                        + " pair in Java %.1f ms, claim script %.1f ms (Redis CPU %.1f ms, the pass's JVM threads %.1f ms); loadavg %s%n",
                rounds, phaseNanos[0][rounds / 2] / 1e6, redisCpu[0] / 1e6 / (rounds - 1), jvmCpu[0] / 1e6 / (rounds - 1),
                phaseNanos[1][rounds / 2] / 1e6, phaseNanos[2][rounds / 2] / 1e6, redisCpu[2] / 1e6 / (rounds - 1),
                jvmCpu[2] / 1e6 / (rounds - 1), BenchmarkMeters.loadAverage());
    }
}
