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
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 12);

    @Autowired
    Matchmaker matchmaker;
    @Autowired
    MatchQueue queue;

    @Test
    void passOverTenThousandQueuedPlayers() {
        Random random = new Random(7);
        long[] millis = new long[ROUNDS];
        long jvmCpu = 0;
        long redisCpu = 0;
        int matched = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long now = System.currentTimeMillis();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                ids.add("bench-" + UUID.randomUUID());
            }
            Flux.fromIterable(ids)
                    .flatMap(id -> queue.join(id, MatchMode.BLITZ, (int) Math.round(1500 + 300 * random.nextGaussian()),
                            now - random.nextInt(120_000)), 256)
                    .blockLast();
            assertThat(queue.size(MatchMode.BLITZ).block()).isEqualTo(QUEUED);
            long jvm0 = BenchmarkMeters.jvmCpuNanos();
            long redis0 = BenchmarkMeters.redisCpuNanos();
            long start = System.nanoTime();
            List<Matchmaker.Claimed> claimed = matchmaker.claimPass(MatchMode.BLITZ).block();
            millis[round] = (System.nanoTime() - start) / 1_000_000;
            if (round >= 2) {
                jvmCpu += BenchmarkMeters.jvmCpuNanos() - jvm0;
                redisCpu += BenchmarkMeters.redisCpuNanos() - redis0;
            }
            matched = claimed.size() * 2;
            matchmaker.claimPass(MatchMode.BLITZ).block(); // the leftovers (out of everyone's window) are cleared below
            Flux.fromIterable(ids).flatMap(id -> queue.leave(id, MatchMode.BLITZ), 256).blockLast();
        }
        long[] warm = Arrays.copyOfRange(millis, 2, ROUNDS);
        Arrays.sort(warm);
        System.out.printf("BENCH matchmaking pass: queued=%d matched=%d rounds(ms)=%s median(warm)=%d ms max(warm)=%d ms"
                        + " CPU per warm pass: JVM %.1f ms + Redis %.1f ms; loadavg %s%n",
                QUEUED, matched, Arrays.toString(millis), warm[warm.length / 2], warm[warm.length - 1],
                jvmCpu / 1e6 / warm.length, redisCpu / 1e6 / warm.length, BenchmarkMeters.loadAverage());
        assertThat(matched).isGreaterThan(QUEUED / 2);
    }
}
