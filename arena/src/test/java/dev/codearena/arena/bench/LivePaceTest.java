package dev.codearena.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The live mode's load must be what docs/benchmarks.md says it is: independent, exponential gaps per
 * player. Checked on the benchmark's own players (40, 15 s mean), per submission slot, across players:
 * the k-th gaps of the 40 players must look like 40 independent draws of 2 s + exp(13 s), not 40 copies
 * of one value (which made every player submit its first solution within the same quarter second).
 */
class LivePaceTest {

    private static final int PLAYERS = 40;
    private static final long RATE_LIMIT_MS = 2_000;
    private static final long MEAN_MS = 15_000;

    @Test
    void everySubmissionSlotIsSpreadAcrossPlayersLikeIndependentExponentialGaps() {
        LivePace pace = new LivePace(PLAYERS, RATE_LIMIT_MS, MEAN_MS);
        long[][] gaps = new long[10][PLAYERS];
        for (int player = 0; player < PLAYERS; player++) {
            for (int slot = 0; slot < 10; slot++) {
                gaps[slot][player] = pace.nextGapMs(player);
            }
        }
        for (int slot = 0; slot < 10; slot++) {
            long[] sorted = gaps[slot].clone();
            Arrays.sort(sorted);
            assertThat(sorted[0]).as("slot %d: no gap below the rate limit", slot).isGreaterThanOrEqualTo(RATE_LIMIT_MS);
            // Kolmogorov–Smirnov distance to 2 s + exp(13 s); 0.26 is the 1 % critical value for 40 draws.
            double distance = 0;
            for (int i = 0; i < sorted.length; i++) {
                double expected = 1 - Math.exp(-(sorted[i] - RATE_LIMIT_MS) / (double) (MEAN_MS - RATE_LIMIT_MS));
                distance = Math.max(distance, Math.max(Math.abs(expected - (double) i / sorted.length),
                        Math.abs(expected - (double) (i + 1) / sorted.length)));
            }
            assertThat(distance).as("slot %d: gaps %s against 2 s + exp(13 s)", slot, Arrays.toString(sorted)).isLessThan(0.26);
            // and the players do not submit together: at most 8 of 40 first gaps in any one second
            for (int i = 0; i + 8 < sorted.length; i++) {
                assertThat(sorted[i + 8] - sorted[i]).as("slot %d: 9 players within one second", slot).isGreaterThan(1_000);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameLoad() {
        LivePace a = new LivePace(PLAYERS, RATE_LIMIT_MS, MEAN_MS);
        LivePace b = new LivePace(PLAYERS, RATE_LIMIT_MS, MEAN_MS);
        for (int player = 0; player < PLAYERS; player++) {
            assertThat(a.nextGapMs(player)).isEqualTo(b.nextGapMs(player));
        }
    }
}
