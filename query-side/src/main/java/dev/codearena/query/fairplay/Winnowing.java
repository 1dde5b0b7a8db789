package dev.codearena.query.fairplay;

import java.util.Arrays;
import java.util.List;

/**
 * Document fingerprinting by winnowing (Schleimer, Wilkerson, Aiken: "Winnowing: local algorithms for
 * document fingerprinting", SIGMOD 2003 — the algorithm behind MOSS). Every run of {@code k} consecutive
 * normalised tokens is hashed; in every window of {@code w} consecutive k-gram hashes the minimum is
 * kept (the rightmost one on ties, once per position). Two guarantees follow: any shared run of at
 * least {@code w + k - 1} tokens yields at least one shared fingerprint, and no shared run shorter than
 * {@code k} tokens yields one (noise such as {@code for (V = N; V < V; V++)} alone is not evidence).
 */
final class Winnowing {

    private final int k;
    private final int w;

    Winnowing(int k, int w) {
        if (k < 1 || w < 1) {
            throw new IllegalArgumentException("k and w must be positive (k=" + k + ", w=" + w + ")");
        }
        this.k = k;
        this.w = w;
    }

    /** The fingerprints of a token stream: a sorted set of distinct hashes (empty below {@code k} tokens). */
    long[] fingerprints(List<String> tokens) {
        int grams = tokens.size() - k + 1;
        if (grams <= 0) {
            return new long[0];
        }
        long[] tokenHashes = tokens.stream().mapToLong(t -> mix(t.hashCode())).toArray();
        long[] hashes = new long[grams];
        for (int i = 0; i < grams; i++) {
            long h = 1125899906842597L;
            for (int j = 0; j < k; j++) {
                h = 31 * h + tokenHashes[i + j];
            }
            hashes[i] = mix(h);
        }
        long[] picked = new long[grams];
        int count = 0;
        int lastPicked = -1;
        int windows = Math.max(1, grams - w + 1);
        for (int start = 0; start < windows; start++) {
            int end = Math.min(grams, start + w);
            int min = start;
            for (int i = start + 1; i < end; i++) {
                if (hashes[i] <= hashes[min]) {
                    min = i;
                }
            }
            if (min != lastPicked) {
                picked[count++] = hashes[min];
                lastPicked = min;
            }
        }
        return Arrays.stream(picked, 0, count).sorted().distinct().toArray();
    }

    /** SplitMix64's finaliser: spreads String.hashCode's weak low bits over the whole long. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
