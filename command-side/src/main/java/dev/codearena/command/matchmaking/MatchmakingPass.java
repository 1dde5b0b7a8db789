package dev.codearena.command.matchmaking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One matchmaking pass over a mode's queue, as a pure function (the Redis side is {@link MatchQueue}).
 * <p>
 * A player's window is ±{@code base}; after {@code widenAfterMs} of waiting it grows by
 * {@code widenBy} every {@code widenEveryMs}. Two players may meet when their rating difference is
 * within the wider of their two windows, so a long wait eventually finds someone.
 * <p>
 * Head-to-head (size 2): players are taken longest-waiting first, each paired with the nearest
 * unmatched rating on either side. Multiplayer: consecutive runs of {@code target} players by rating
 * whose spread fits the widest window among them form lobbies; after {@code maxWaitMs} the
 * longest-waiting player takes the nearest players in their window, if at least {@code min}.
 * O(n log n) for n queued players.
 */
final class MatchmakingPass {

    record Rules(int base, int widenBy, long widenAfterMs, long widenEveryMs, int target, int min, long maxWaitMs) {
    }

    private MatchmakingPass() {
    }

    static int window(Rules rules, long waitedMs) {
        if (waitedMs <= rules.widenAfterMs()) {
            return rules.base();
        }
        // the first widening as soon as the wait passes widenAfter, then one per widenEvery begun
        long steps = (waitedMs - rules.widenAfterMs() + rules.widenEveryMs() - 1) / rules.widenEveryMs();
        return (int) Math.min(Integer.MAX_VALUE, rules.base() + steps * rules.widenBy());
    }

    /** @param queue the queue in rating order (as the sorted set returns it) */
    static List<List<QueuedPlayer>> groups(List<QueuedPlayer> queue, long now, Rules rules) {
        return rules.target() <= 2 ? pairs(queue, now, rules) : lobbies(queue, now, rules);
    }

    private static List<List<QueuedPlayer>> pairs(List<QueuedPlayer> queue, long now, Rules rules) {
        int n = queue.size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] windows = new int[n];
        for (int i = 0; i < n; i++) {
            left[i] = i - 1;
            right[i] = i + 1 < n ? i + 1 : -1;
            windows[i] = window(rules, now - queue.get(i).since());
        }
        boolean[] taken = new boolean[n];
        List<List<QueuedPlayer>> out = new ArrayList<>();
        for (int p : longestWaitingFirst(queue)) {
            if (taken[p]) {
                continue;
            }
            int l = left[p];
            int r = right[p];
            int dl = l < 0 ? Integer.MAX_VALUE : queue.get(p).rating() - queue.get(l).rating();
            int dr = r < 0 ? Integer.MAX_VALUE : queue.get(r).rating() - queue.get(p).rating();
            int q = dl <= dr ? l : r;
            int d = Math.min(dl, dr);
            if (q < 0 || d > Math.max(windows[p], windows[q])) {
                continue;
            }
            taken[p] = true;
            taken[q] = true;
            unlink(p, left, right);
            unlink(q, left, right);
            out.add(List.of(queue.get(p), queue.get(q)));
        }
        return out;
    }

    /**
     * Indexes into the queue ordered by join time, earliest first (ties by index). Sorts primitive keys
     * (join time relative to the earliest, shifted, with the index in the low bits) instead of boxed
     * indexes through a comparator: a pass over 10,000 players sorts in well under a millisecond.
     */
    static int[] longestWaitingFirst(List<QueuedPlayer> queue) {
        int n = queue.size();
        int[] order = new int[n];
        if (n == 0) {
            return order;
        }
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (QueuedPlayer player : queue) {
            earliest = Math.min(earliest, player.since());
            latest = Math.max(latest, player.since());
        }
        int indexBits = 32 - Integer.numberOfLeadingZeros(n);
        if (latest - earliest >= 1L << (63 - indexBits)) {
            // join times too far apart to share a long with the index (never with real clocks)
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, Comparator.comparingLong(i -> queue.get(i).since()));
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
            return order;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (queue.get(i).since() - earliest) << indexBits | i;
        }
        Arrays.sort(keys);
        long indexMask = (1L << indexBits) - 1;
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & indexMask);
        }
        return order;
    }

    private static void unlink(int i, int[] left, int[] right) {
        if (left[i] >= 0) {
            right[left[i]] = right[i];
        }
        if (right[i] >= 0) {
            left[right[i]] = left[i];
        }
    }

    private static List<List<QueuedPlayer>> lobbies(List<QueuedPlayer> queue, long now, Rules rules) {
        int n = queue.size();
        boolean[] taken = new boolean[n];
        List<List<QueuedPlayer>> out = new ArrayList<>();
        int[] windows = new int[n];
        for (int i = 0; i < n; i++) {
            windows[i] = window(rules, now - queue.get(i).since());
        }
        int i = 0;
        while (i + rules.target() <= n) {
            int end = i + rules.target() - 1;
            int widest = 0;
            for (int k = i; k <= end; k++) {
                widest = Math.max(widest, windows[k]);
            }
            if (queue.get(end).rating() - queue.get(i).rating() <= widest) {
                List<QueuedPlayer> group = new ArrayList<>(queue.subList(i, end + 1));
                for (int k = i; k <= end; k++) {
                    taken[k] = true;
                }
                out.add(group);
                i = end + 1;
            } else {
                i++;
            }
        }
        for (int p : longestWaitingFirst(queue)) {
            if (taken[p] || now - queue.get(p).since() < rules.maxWaitMs()) {
                continue;
            }
            List<Integer> picked = new ArrayList<>();
            picked.add(p);
            int l = p - 1;
            int r = p + 1;
            int rating = queue.get(p).rating();
            while (picked.size() < rules.target()) {
                while (l >= 0 && taken[l]) {
                    l--;
                }
                while (r < n && taken[r]) {
                    r++;
                }
                int dl = l >= 0 ? rating - queue.get(l).rating() : Integer.MAX_VALUE;
                int dr = r < n ? queue.get(r).rating() - rating : Integer.MAX_VALUE;
                int d = Math.min(dl, dr);
                if (d > windows[p]) {
                    break;
                }
                picked.add(dl <= dr ? l-- : r++);
            }
            if (picked.size() >= rules.min()) {
                picked.sort(Comparator.naturalOrder());
                List<QueuedPlayer> group = new ArrayList<>();
                for (int k : picked) {
                    taken[k] = true;
                    group.add(queue.get(k));
                }
                out.add(group);
            }
        }
        return out;
    }
}
