package dev.codearena.query.fairplay;

import static dev.codearena.query.support.RowBatch.key;

import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.query.support.RowBatch;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the fair-play projection knows and has still to write within one processor batch (one Axon unit of work,
 * one transaction with the token). Every read the signals need is answered from here: from the rows this batch
 * has already produced, overlaid on what the tables held when the batch began (the projection writes nothing
 * before the flush, so the tables stay at that state until then). What the batch will need from the tables is
 * fetched up front in a few set-wise queries when the unit of work carries its messages ({@link #prefetch}); a
 * value that was not prefetched is loaded on first use. The flush then writes each table with one statement
 * (arrays through {@code unnest}) and the flags as a JDBC batch, in the prepare-commit phase.
 *
 * <p>Times are held as the database would return them ({@link #stored}: microseconds), so that every duration,
 * every evidence string and every ordering computed here equals the one computed from the rows.
 */
final class FairPlayBatch {

    static final Map<String, String> SUBMISSION_TYPES = Map.of("source_bytes", "integer", "received_at", "timestamptz",
            "revealed_at", "timestamptz", "fingerprint_count", "integer", "judged_at", "timestamptz");

    private final JdbcTemplate jdbc;
    private final int regularitySamples;
    private final Duration collusionWindow;

    final RowBatch matchRows = new RowBatch("qs_fp_match", "match_id");
    final RowBatch playerRows = new RowBatch("qs_fp_match_player", "match_id", "player_id");
    final RowBatch problemRows = new RowBatch("qs_fp_match_problem", "match_id", "problem_id");
    final RowBatch submissionRows = new RowBatch("qs_fp_submission", "match_id", "submission_id");
    final RowBatch meetingRows = new RowBatch("qs_fp_meeting", "match_id");
    /** The fingerprint rows to insert, column by column (as the flush sends them), hashes as text. */
    private final List<List<String>> fingerprintColumns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>());
    /** problem id -> base hashes to add (the table ignores ones it has). */
    private final Map<String, Set<Long>> baseAdded = new LinkedHashMap<>();
    /** Flag upserts in event order: flag id -> its upserts, each {@code [keepStrongest, args...]}. */
    private final Map<String, List<Object[]>> flagUpserts = new LinkedHashMap<>();

    private final Map<String, MatchState> matches = new HashMap<>();
    /** problem id -> base hashes (sorted), as the table holds them plus this batch's additions. */
    private final Map<String, long[]> bases = new HashMap<>();
    /** problem id -> this batch's indexed submissions, in order. */
    private final Map<String, List<Indexed>> indexed = new HashMap<>();
    /** Stored submission rows the speed signal needs (key: match + submission); absent row: {@link #NO_ROW}. */
    private final Map<List<Object>, SubmissionRow> storedSubmissions = new HashMap<>();
    /** match id + player id -> this batch's submissions. */
    private final Map<List<Object>, Integer> submissionCounts = new HashMap<>();
    /** match id + player id -> stored submissions (for 1v1 endings of matches created before this batch). */
    private final Map<List<Object>, Long> storedSubmissionCounts = new HashMap<>();
    /** Matches whose stored submission counts are in {@link #storedSubmissionCounts} (absent player: none). */
    private final Set<String> countedMatches = new HashSet<>();
    /** player id -> keys of stored submissions judged in this batch. */
    private final Map<String, Set<List<Object>>> judgedStored = new HashMap<>();
    /** player id -> candidates of the regularity signal. */
    private final Map<String, Recent> recent = new HashMap<>();
    /** low + high player id -> meetings of the pair: stored ones in a prefetched window plus this batch's. */
    private final Map<List<Object>, Meetings> meetings = new HashMap<>();

    /** This batch's received submissions (from its messages), for the one plagiarism lookup per batch. */
    private final List<SubmissionReceived> received = new ArrayList<>();
    /** match id + submission id -> fingerprints before the base is removed. */
    private final Map<List<Object>, long[]> rawFingerprints = new HashMap<>();
    /** match id + submission id -> stored candidates of the batch's solutions; null before the lookup. */
    private Map<List<Object>, StoredCandidates> storedCandidates;

    private static final SubmissionRow NO_ROW = new SubmissionRow(null, null, 0, null, null);

    FairPlayBatch(JdbcTemplate jdbc, FairPlaySettings settings) {
        this.jdbc = jdbc;
        this.regularitySamples = settings.bot().regularitySamples();
        this.collusionWindow = settings.collusion().window();
    }

    /** What the database returns for a time written to a {@code TIMESTAMPTZ} (rounded to the microsecond, half up). */
    static Instant stored(Instant at) {
        if (at == null) {
            return null;
        }
        int nanos = at.getNano();
        int rounded = (nanos + 500) / 1000 * 1000;
        return rounded == nanos ? at : Instant.ofEpochSecond(at.getEpochSecond(), rounded);
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }

    // --- matches ---------------------------------------------------------------------------------

    /** The fair-play view of one match: its mode (null: no such match), problems with their reveal times, roster. */
    static final class MatchState {
        final String mode;
        final boolean createdInBatch;
        final Map<String, Instant> revealed = new LinkedHashMap<>();
        /** player id -> handle; null until needed for a match created before this batch. */
        Map<String, String> roster;

        MatchState(String mode, boolean createdInBatch) {
            this.mode = mode;
            this.createdInBatch = createdInBatch;
        }
    }

    MatchState created(String match, String mode) {
        MatchState state = new MatchState(mode, true);
        state.roster = new LinkedHashMap<>();
        matches.put(match, state);
        return state;
    }

    MatchState match(String match) {
        MatchState state = matches.get(match);
        if (state == null) {
            loadMatches(List.of(match));
            state = matches.get(match);
        }
        return state;
    }

    Map<String, String> roster(String match) {
        MatchState state = match(match);
        if (state.roster == null) {
            loadRosters(List.of(match));
        }
        return state.roster;
    }

    private void loadMatches(Collection<String> ids) {
        Map<String, MatchState> loaded = new HashMap<>();
        jdbc.query("""
                SELECT m.match_id, m.mode, p.problem_id, p.revealed_at FROM qs_fp_match m
                LEFT JOIN qs_fp_match_problem p ON p.match_id = m.match_id
                WHERE m.match_id = ANY (?) ORDER BY m.match_id, p.problem_id""", rs -> {
            MatchState state = loaded.get(rs.getString(1));
            if (state == null) {
                state = new MatchState(rs.getString(2), false);
                loaded.put(rs.getString(1), state);
            }
            String problem = rs.getString(3);
            if (problem != null) {
                state.revealed.put(problem, instant(rs.getTimestamp(4)));
            }
        }, (Object) ids.toArray(String[]::new));
        for (String id : ids) {
            matches.putIfAbsent(id, loaded.getOrDefault(id, new MatchState(null, false)));
        }
    }

    private void loadRosters(Collection<String> ids) {
        Map<String, Map<String, String>> loaded = new HashMap<>();
        jdbc.query("SELECT match_id, player_id, handle FROM qs_fp_match_player WHERE match_id = ANY (?) ORDER BY match_id, player_id",
                rs -> {
                    loaded.computeIfAbsent(rs.getString(1), id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }, (Object) ids.toArray(String[]::new));
        for (String id : ids) {
            MatchState state = matches.get(id);
            if (state.roster == null) {
                state.roster = loaded.getOrDefault(id, new LinkedHashMap<>());
            }
        }
    }

    // --- base code -------------------------------------------------------------------------------

    /** Adds the hashes to the problem's base (written at the flush unless this batch already has them). */
    void addBase(String problem, long[] hashes) {
        Set<Long> added = baseAdded.computeIfAbsent(problem, p -> new LinkedHashSet<>());
        for (long hash : hashes) {
            added.add(hash);
        }
        long[] known = bases.get(problem);
        if (known != null && !containsAll(known, hashes)) {
            bases.put(problem, union(known, hashes));
        }
    }

    private static boolean containsAll(long[] sorted, long[] hashes) {
        for (long hash : hashes) {
            if (Arrays.binarySearch(sorted, hash) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The problem's base hashes, sorted. */
    long[] base(String problem) {
        long[] known = bases.get(problem);
        if (known == null) {
            loadBases(List.of(problem));
            known = bases.get(problem);
        }
        return known;
    }

    private void loadBases(Collection<String> problems) {
        Map<String, List<Long>> loaded = new HashMap<>();
        jdbc.query("SELECT problem_id, hash FROM qs_fp_problem_base WHERE problem_id = ANY (?)",
                rs -> {
                    loaded.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(rs.getLong(2));
                }, (Object) problems.toArray(String[]::new));
        for (String problem : problems) {
            long[] stored = loaded.getOrDefault(problem, List.of()).stream().mapToLong(Long::longValue).toArray();
            Set<Long> added = baseAdded.getOrDefault(problem, Set.of());
            bases.putIfAbsent(problem, union(stored, added.stream().mapToLong(Long::longValue).toArray()));
        }
    }

    private static long[] union(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    // --- submissions -----------------------------------------------------------------------------

    /** The columns of a submission the speed signal reads. */
    record SubmissionRow(String kind, String language, int sourceBytes, Instant receivedAt, Instant revealedAt) {
    }

    void submissionReceived(String match, String submission, String player, String problem, String kind, String language,
                            String source, int sourceBytes, Instant receivedAt, Instant revealedAt, int fingerprintCount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("submission_id", submission);
        row.put("match_id", match);
        row.put("player_id", player);
        row.put("problem_id", problem);
        row.put("kind", kind);
        row.put("language", language);
        row.put("source", source);
        row.put("source_bytes", sourceBytes);
        row.put("received_at", receivedAt);
        row.put("revealed_at", revealedAt);
        row.put("fingerprint_count", fingerprintCount);
        row.put("verdict", null);
        row.put("judged_at", null);
        submissionRows.insert(row);
        submissionCounts.merge(key(match, player), 1, Integer::sum);
        Recent candidates = recent.get(player);
        if (candidates != null && SubmissionKind.SOLUTION.name().equals(kind) && revealedAt != null) {
            candidates.entries.put(key(match, submission), new RecentEntry(match, submission, receivedAt, revealedAt, null));
        }
    }

    void submissionJudged(String match, String submission, String player, String verdict, Instant judgedAt) {
        List<Object> key = key(match, submission);
        submissionRows.set(key, "verdict", verdict);
        submissionRows.set(key, "judged_at", judgedAt);
        boolean inBatch = submissionRows.isInserted(key);
        if (!inBatch) {
            judgedStored.computeIfAbsent(player, p -> new LinkedHashSet<>()).add(key);
        }
        Recent candidates = recent.get(player);
        if (candidates != null) {
            RecentEntry entry = candidates.entries.get(key);
            if (entry != null) {
                candidates.entries.put(key, entry.withVerdict(verdict));
            } else if (!inBatch && !candidates.considered.contains(key)) {
                recent.remove(player); // a stored submission the loaded candidates did not look at: load them again
            }
        }
    }

    /** The submission as stored or as received in this batch (null if there is none). */
    SubmissionRow submission(String match, String submission) {
        List<Object> key = key(match, submission);
        if (submissionRows.isInserted(key)) {
            return new SubmissionRow((String) submissionRows.inserted(key, "kind"), (String) submissionRows.inserted(key, "language"),
                    (Integer) submissionRows.inserted(key, "source_bytes"), instant(submissionRows.inserted(key, "received_at")),
                    instant(submissionRows.inserted(key, "revealed_at")));
        }
        SubmissionRow row = storedSubmissions.get(key);
        if (row == null) {
            loadSubmissions(List.of(key));
            row = storedSubmissions.get(key);
        }
        return row == NO_ROW ? null : row;
    }

    private void loadSubmissions(Collection<List<Object>> keys) {
        String[] matchIds = keys.stream().map(k -> (String) k.get(0)).toArray(String[]::new);
        String[] submissionIds = keys.stream().map(k -> (String) k.get(1)).toArray(String[]::new);
        jdbc.query("""
                SELECT s.match_id, s.submission_id, s.kind, s.language, s.source_bytes, s.received_at, s.revealed_at
                FROM qs_fp_submission s JOIN unnest(?::text[], ?::text[]) AS k(match_id, submission_id)
                  ON s.match_id = k.match_id AND s.submission_id = k.submission_id""", rs -> {
            storedSubmissions.put(key(rs.getString(1), rs.getString(2)), new SubmissionRow(rs.getString(3), rs.getString(4),
                    rs.getInt(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))));
        }, matchIds, submissionIds);
        for (List<Object> key : keys) {
            storedSubmissions.putIfAbsent(key, NO_ROW);
        }
    }

    /** How many submissions the player has in the match (stored and received in this batch). */
    long submissionCount(String match, String player) {
        long pending = submissionCounts.getOrDefault(key(match, player), 0);
        if (match(match).createdInBatch) {
            return pending;
        }
        if (!countedMatches.contains(match)) {
            loadSubmissionCounts(List.of(match));
        }
        return storedSubmissionCounts.getOrDefault(key(match, player), 0L) + pending;
    }

    private void loadSubmissionCounts(Collection<String> matchIds) {
        Set<String> ids = new HashSet<>(matchIds);
        countedMatches.addAll(ids);
        jdbc.query("SELECT match_id, player_id, count(*) FROM qs_fp_submission WHERE match_id = ANY (?) GROUP BY match_id, player_id",
                rs -> {
                    storedSubmissionCounts.put(key(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }, (Object) ids.toArray(String[]::new));
    }

    // --- plagiarism index ------------------------------------------------------------------------

    /** A submission indexed in this batch (its fingerprints are not in the table yet). */
    record Indexed(String matchId, String submissionId, String playerId, long[] hashes) {
    }

    void index(String problem, String match, String submission, String player, long[] hashes) {
        indexed.computeIfAbsent(problem, p -> new ArrayList<>()).add(new Indexed(match, submission, player, hashes));
        for (long hash : hashes) {
            fingerprintColumns.get(0).add(problem);
            fingerprintColumns.get(1).add(Long.toString(hash));
            fingerprintColumns.get(2).add(match);
            fingerprintColumns.get(3).add(submission);
            fingerprintColumns.get(4).add(player);
        }
    }

    /** A solution's fingerprints before the base is removed (a pure function of its source), computed once per batch. */
    long[] rawFingerprints(List<Object> submission, Supplier<long[]> compute) {
        return rawFingerprints.computeIfAbsent(submission, k -> compute.get());
    }

    /** This batch's received submissions, in event order (empty when the unit of work did not give its messages). */
    List<SubmissionReceived> received() {
        return received;
    }

    /** A stored submission sharing {@code shared} fingerprints with a solution of this batch. */
    record StoredCandidate(String matchId, String submissionId, String playerId, int fingerprintCount, int shared) {
    }

    /** The stored candidates of a solution, looked up with these (base-free) hashes. */
    record StoredCandidates(long[] hashes, List<StoredCandidate> candidates) {
    }

    /** Whether this batch's one lookup of stored candidates has been made. */
    boolean candidatesLookedUp() {
        return storedCandidates != null;
    }

    void candidatesLookedUp(Map<List<Object>, StoredCandidates> looked) {
        storedCandidates = looked;
    }

    /** The stored candidates the batch's lookup found for this submission (match + submission), or null. */
    StoredCandidates storedCandidates(List<Object> submission) {
        return storedCandidates == null ? null : storedCandidates.get(submission);
    }

    /** The state of a match if this batch knows it already (never loads it). */
    MatchState knownMatch(String match) {
        return matches.get(match);
    }

    List<Indexed> indexedInBatch(String problem) {
        return indexed.getOrDefault(problem, List.of());
    }

    // --- regularity ------------------------------------------------------------------------------

    /** A candidate of the regularity signal: an Accepted-or-pending solution with a reveal time. */
    record RecentEntry(String matchId, String submissionId, Instant receivedAt, Instant revealedAt, String verdict) {
        RecentEntry withVerdict(String newVerdict) {
            return new RecentEntry(matchId, submissionId, receivedAt, revealedAt, newVerdict);
        }
    }

    /**
     * The player's solutions that can be among their latest Accepted ones: the stored ones the table listed as
     * Accepted or judged in this batch (enough of them: {@code samples} plus how many this batch re-judged), and
     * every solution of this batch.
     */
    private static final class Recent {
        final Map<List<Object>, RecentEntry> entries = new LinkedHashMap<>();
        /** Stored submissions that were looked at whatever their stored verdict. */
        final Set<List<Object>> considered = new HashSet<>();
    }

    /** The player's latest {@code regularitySamples} Accepted solutions with a reveal time, latest first. */
    List<RecentEntry> latestAccepted(String player) {
        Recent candidates = recent.get(player);
        if (candidates == null) {
            loadRecent(List.of(player));
            candidates = recent.get(player);
        }
        return candidates.entries.values().stream()
                .filter(e -> Verdict.AC.name().equals(e.verdict()))
                .sorted(Comparator.comparing(RecentEntry::receivedAt).thenComparing(RecentEntry::submissionId).reversed())
                .limit(regularitySamples)
                .toList();
    }

    private void loadRecent(Collection<String> players) {
        List<String> playerIds = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        List<String> judgedMatches = new ArrayList<>();
        List<String> judgedSubmissions = new ArrayList<>();
        Map<String, Recent> loaded = new HashMap<>();
        for (String player : players) {
            Set<List<Object>> judged = judgedStored.getOrDefault(player, Set.of());
            playerIds.add(player);
            limits.add(regularitySamples + judged.size());
            Recent candidates = new Recent();
            for (List<Object> key : judged) {
                judgedMatches.add((String) key.get(0));
                judgedSubmissions.add((String) key.get(1));
                candidates.considered.add(key);
            }
            loaded.put(player, candidates);
        }
        jdbc.query("""
                SELECT p.player_id, s.match_id, s.submission_id, s.received_at, s.revealed_at, s.verdict
                FROM unnest(?::text[], ?::int[]) AS p(player_id, n)
                CROSS JOIN LATERAL (
                    SELECT match_id, submission_id, received_at, revealed_at, verdict FROM qs_fp_submission
                    WHERE player_id = p.player_id AND kind = 'SOLUTION' AND revealed_at IS NOT NULL
                      AND (verdict = 'AC' OR (match_id, submission_id) IN (SELECT * FROM unnest(?::text[], ?::text[])))
                    ORDER BY received_at DESC, submission_id DESC LIMIT p.n) s""", rs -> {
            List<Object> key = key(rs.getString(2), rs.getString(3));
            loaded.get(rs.getString(1)).entries.put(key, new RecentEntry(rs.getString(2), rs.getString(3),
                    instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getString(6)));
        }, playerIds.toArray(String[]::new), limits.toArray(Integer[]::new), judgedMatches.toArray(String[]::new),
                judgedSubmissions.toArray(String[]::new));
        // Overlay this batch: new verdicts of stored solutions, and this batch's own solutions of the player.
        for (Map<String, Object> row : submissionRows.insertedRows()) {
            Recent candidates = loaded.get((String) row.get("player_id"));
            if (candidates != null && SubmissionKind.SOLUTION.name().equals(row.get("kind")) && row.get("revealed_at") != null) {
                String match = (String) row.get("match_id");
                String submission = (String) row.get("submission_id");
                candidates.entries.put(key(match, submission), new RecentEntry(match, submission, instant(row.get("received_at")),
                        instant(row.get("revealed_at")), (String) row.get("verdict")));
            }
        }
        for (Map.Entry<String, Recent> e : loaded.entrySet()) {
            for (List<Object> key : e.getValue().considered) {
                RecentEntry entry = e.getValue().entries.get(key);
                Object verdict = submissionRows.updated(key, "verdict");
                if (entry != null && verdict != null) {
                    e.getValue().entries.put(key, entry.withVerdict((String) verdict));
                }
            }
            recent.putIfAbsent(e.getKey(), e.getValue());
        }
    }

    // --- meetings --------------------------------------------------------------------------------

    /** A finished 1v1 match, as {@code qs_fp_meeting} holds it. */
    record Meeting(String matchId, String winnerId, String oneSided, Instant endedAt) {
    }

    private static final class Meetings {
        /** Stored meetings with {@code ended_at} in ({@code from}, {@code to}]. */
        Instant from;
        Instant to;
        final List<Meeting> stored = new ArrayList<>();
        final List<Meeting> added = new ArrayList<>();
    }

    void meetingEnded(String match, String low, String high, String winner, String oneSided, Instant endedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("match_id", match);
        row.put("player_low", low);
        row.put("player_high", high);
        row.put("winner_id", winner);
        row.put("one_sided", oneSided);
        row.put("ended_at", endedAt);
        meetingRows.insert(row);
        meetings.computeIfAbsent(key(low, high), k -> new Meetings()).added.add(new Meeting(match, winner, oneSided, endedAt));
    }

    /** The pair's meetings with {@code from < ended_at <= to}, ordered by end time then match id. */
    List<Meeting> meetings(String low, String high, Instant from, Instant to) {
        Meetings pair = meetings.computeIfAbsent(key(low, high), k -> new Meetings());
        if (pair.from == null || from.isBefore(pair.from) || to.isAfter(pair.to)) {
            pair.stored.clear();
            pair.from = from;
            pair.to = to;
            loadMeetings(Map.of(key(low, high), pair));
        }
        List<Meeting> all = new ArrayList<>();
        for (Meeting m : pair.stored) {
            if (m.endedAt().isAfter(from) && !m.endedAt().isAfter(to)) {
                all.add(m);
            }
        }
        for (Meeting m : pair.added) {
            if (m.endedAt().isAfter(from) && !m.endedAt().isAfter(to)) {
                all.add(m);
            }
        }
        all.sort(Comparator.comparing(Meeting::endedAt).thenComparing(Meeting::matchId));
        return all;
    }

    private void loadMeetings(Map<List<Object>, Meetings> pairs) {
        List<String> lows = new ArrayList<>();
        List<String> highs = new ArrayList<>();
        List<String> froms = new ArrayList<>();
        List<String> tos = new ArrayList<>();
        pairs.forEach((pair, m) -> {
            lows.add((String) pair.get(0));
            highs.add((String) pair.get(1));
            froms.add(m.from.toString());
            tos.add(m.to.toString());
        });
        jdbc.query("""
                SELECT m.player_low, m.player_high, m.match_id, m.winner_id, m.one_sided, m.ended_at
                FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) AS p(low, high, from_at, to_at)
                JOIN qs_fp_meeting m ON m.player_low = p.low AND m.player_high = p.high AND m.ended_at > p.from_at AND m.ended_at <= p.to_at""",
                rs -> {
                    pairs.get(key(rs.getString(1), rs.getString(2))).stored.add(new Meeting(rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs.getTimestamp(6))));
                }, lows.toArray(String[]::new), highs.toArray(String[]::new), froms.toArray(String[]::new), tos.toArray(String[]::new));
    }

    // --- flags -----------------------------------------------------------------------------------

    void upsertFlag(String flagId, boolean keepStrongest, Object... args) {
        Object[] upsert = new Object[args.length + 1];
        upsert[0] = keepStrongest;
        System.arraycopy(args, 0, upsert, 1, args.length);
        flagUpserts.computeIfAbsent(flagId, id -> new ArrayList<>()).add(upsert);
    }

    // --- prefetch --------------------------------------------------------------------------------

    /**
     * Loads, in one query per kind, what handling {@code messages} (this batch's events, read before any is
     * handled) will ask of the tables: the state of matches created before the batch, base code of the problems
     * solved, stored submissions judged Accepted, the regularity candidates of players judged Accepted, stored
     * submission counts and meetings for 1v1 endings. Anything not prefetched is still loaded on first use.
     */
    void prefetch(List<? extends Message<?>> messages) {
        Set<String> created = new HashSet<>();
        Set<String> matchIds = new LinkedHashSet<>();
        Set<String> rosterIds = new LinkedHashSet<>();
        Set<String> problems = new LinkedHashSet<>();
        Set<List<Object>> receivedKeys = new HashSet<>();
        Set<List<Object>> acceptedStored = new LinkedHashSet<>();
        Set<String> acceptedPlayers = new LinkedHashSet<>();
        Set<String> endedMatches = new LinkedHashSet<>();
        Map<List<Object>, Meetings> pairs = new LinkedHashMap<>();
        for (Message<?> message : messages) {
            Class<?> type = message.getPayloadType();
            if (type == MatchCreated.class) {
                created.add(((MatchCreated) message.getPayload()).matchId().value());
            } else if (type == PlayerJoined.class || type == PlayerLeft.class) {
                String match = type == PlayerJoined.class ? ((PlayerJoined) message.getPayload()).matchId().value()
                        : ((PlayerLeft) message.getPayload()).matchId().value();
                if (!created.contains(match)) {
                    matchIds.add(match);
                    rosterIds.add(match);
                }
            } else if (type == MatchStarted.class) {
                String match = ((MatchStarted) message.getPayload()).matchId().value();
                if (!created.contains(match)) {
                    matchIds.add(match);
                }
            } else if (type == RoundStarted.class) {
                String match = ((RoundStarted) message.getPayload()).matchId().value();
                if (!created.contains(match)) {
                    matchIds.add(match);
                }
            } else if (type == SubmissionReceived.class) {
                SubmissionReceived event = (SubmissionReceived) message.getPayload();
                String match = event.matchId().value();
                if (!created.contains(match)) {
                    matchIds.add(match);
                }
                receivedKeys.add(key(match, event.submissionId().value()));
                received.add(event);
                if (event.kind() == SubmissionKind.SOLUTION && event.problemId() != null) {
                    problems.add(event.problemId().value());
                }
            } else if (type == SubmissionJudged.class) {
                SubmissionJudged event = (SubmissionJudged) message.getPayload();
                List<Object> key = key(event.matchId().value(), event.submissionId().value());
                if (!receivedKeys.contains(key)) {
                    judgedStored.computeIfAbsent(event.playerId().value(), p -> new LinkedHashSet<>()).add(key);
                    if (event.verdict() == Verdict.AC) {
                        acceptedStored.add(key);
                    }
                }
                if (event.verdict() == Verdict.AC) {
                    acceptedPlayers.add(event.playerId().value());
                }
            } else if (type == MatchEnded.class) {
                MatchEnded event = (MatchEnded) message.getPayload();
                if (event.standings().size() == 2) {
                    String match = event.matchId().value();
                    if (!created.contains(match)) {
                        matchIds.add(match);
                        endedMatches.add(match);
                    }
                    String a = event.standings().get(0).playerId().value();
                    String b = event.standings().get(1).playerId().value();
                    List<Object> pair = a.compareTo(b) <= 0 ? key(a, b) : key(b, a);
                    Instant to = stored(event.endedAt());
                    Instant from = stored(event.endedAt().minus(collusionWindow));
                    Meetings m = pairs.computeIfAbsent(pair, p -> new Meetings());
                    m.from = m.from == null || from.isBefore(m.from) ? from : m.from;
                    m.to = m.to == null || to.isAfter(m.to) ? to : m.to;
                }
            }
        }
        if (!matchIds.isEmpty()) {
            loadMatches(matchIds);
        }
        if (!rosterIds.isEmpty()) {
            loadRosters(rosterIds);
        }
        if (!problems.isEmpty()) {
            loadBases(problems);
        }
        if (!acceptedStored.isEmpty()) {
            loadSubmissions(acceptedStored);
        }
        if (!acceptedPlayers.isEmpty() && regularitySamples >= 2) {
            loadRecent(acceptedPlayers);
        }
        if (!endedMatches.isEmpty()) {
            loadSubmissionCounts(endedMatches);
        }
        if (!pairs.isEmpty()) {
            pairs.forEach((pair, m) -> meetings.put(pair, m));
            loadMeetings(pairs);
        }
    }

    // --- flush -----------------------------------------------------------------------------------

    void flush() {
        playerRows.flushDeletes(jdbc);
        matchRows.flushInsertsAsArrays(jdbc, Map.of("started_at", "timestamptz"));
        playerRows.flushInsertsAsArrays(jdbc, Map.of());
        problemRows.flushInsertsAsArrays(jdbc, Map.of("revealed_at", "timestamptz"));
        if (!baseAdded.isEmpty()) {
            List<Object> problemIds = new ArrayList<>();
            List<Object> hashes = new ArrayList<>();
            baseAdded.forEach((problem, added) -> added.forEach(hash -> {
                problemIds.add(problem);
                hashes.add(hash);
            }));
            RowBatch.insertArrays(jdbc, "qs_fp_problem_base", List.of("problem_id", "hash"), Map.of("hash", "bigint"),
                    new Object[][] {problemIds.toArray(), hashes.toArray()}, "ON CONFLICT DO NOTHING");
        }
        submissionRows.flushInsertsAsArrays(jdbc, SUBMISSION_TYPES);
        if (!fingerprintColumns.get(0).isEmpty()) {
            String[][] columns = fingerprintColumns.stream().map(column -> column.toArray(String[]::new)).toArray(String[][]::new);
            RowBatch.insertArrays(jdbc, "qs_fp_fingerprint", List.of("problem_id", "hash", "match_id", "submission_id", "player_id"),
                    Map.of("hash", "bigint"), columns);
        }
        meetingRows.flushInsertsAsArrays(jdbc, Map.of("ended_at", "timestamptz"));
        matchRows.flushUpdates(jdbc);
        problemRows.flushUpdates(jdbc);
        submissionRows.flushUpdates(jdbc);
        flushFlags();
    }

    /**
     * Upserts flags in rounds: the first upsert of every flag, then the second of those that have one, and so on,
     * so each flag sees its upserts in event order (flags do not depend on each other).
     */
    private void flushFlags() {
        for (int round = 0; ; round++) {
            List<Object[]> strongest = new ArrayList<>();
            List<Object[]> latest = new ArrayList<>();
            for (List<Object[]> upserts : flagUpserts.values()) {
                if (upserts.size() > round) {
                    Object[] upsert = upserts.get(round);
                    (Boolean.TRUE.equals(upsert[0]) ? strongest : latest).add(Arrays.copyOfRange(upsert, 1, upsert.length));
                }
            }
            if (strongest.isEmpty() && latest.isEmpty()) {
                return;
            }
            if (!strongest.isEmpty()) {
                jdbc.batchUpdate(FairPlayProjection.upsertFlagSql(true), strongest);
            }
            if (!latest.isEmpty()) {
                jdbc.batchUpdate(FairPlayProjection.upsertFlagSql(false), latest);
            }
        }
    }
}
