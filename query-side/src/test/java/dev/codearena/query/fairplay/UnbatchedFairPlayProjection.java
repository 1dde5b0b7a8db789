package dev.codearena.query.fairplay;

import static dev.codearena.query.support.Sql.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.fairplay.FlagKind;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.problem.ProblemVersionPublished;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * TEST REFERENCE: the fair-play projection as it was before it was batched per unit of work (one SQL statement or
 * more per event, reading its own writes back from the tables), kept verbatim apart from this comment, the class
 * name and the removed Spring/Axon annotations. {@code FairPlayEquivalenceTest} feeds the same history through it
 * and through {@link FairPlayProjection} and requires identical tables.
 *
 * <p>The fair-play read model: indexes every solution's winnowed fingerprints per problem, remembers when
 * each problem was revealed and how 1v1 matches ended, and raises flags (plagiarism, bot speed, bot
 * regularity, collusion) for admins to review. Like the other projections it writes through the
 * processor's transaction (rows and token together) and is rebuilt from history by its reset; flags
 * are a pure function of the events (ids derived from what they are about, times from the events), so
 * a rebuild yields the same flags and the admins' reviews (kept apart, in {@code qs_fp_review}) attach
 * to them again. Signals and thresholds: docs/fair-play.md.
 */
class UnbatchedFairPlayProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final FairPlaySettings settings;
    private final Fingerprints fingerprints;

    UnbatchedFairPlayProjection(JdbcTemplate jdbc, ObjectMapper json, FairPlaySettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
        this.fingerprints = new Fingerprints(settings.plagiarism().k(), settings.plagiarism().window());
    }

    void on(ProblemVersionPublished event) {
        addBase(event.problemId().value(), event.definition().sabotageReference());
    }

    void on(MatchCreated event) {
        String match = event.matchId().value();
        jdbc.update("INSERT INTO qs_fp_match (match_id, mode) VALUES (?, ?)", match, event.mode().name());
        jdbc.batchUpdate("INSERT INTO qs_fp_match_player (match_id, player_id, handle) VALUES (?, ?, ?)",
                event.players().stream().map(p -> new Object[] {match, p.playerId().value(), p.handle()}).toList());
        jdbc.batchUpdate("INSERT INTO qs_fp_match_problem (match_id, problem_id) VALUES (?, ?)",
                event.problems().stream().map(p -> new Object[] {match, p.problemId().value()}).toList());
        for (MatchProblem problem : event.problems()) {
            addBase(problem.problemId().value(), problem.sabotageReference());
        }
    }

    /** The roster decides whose code is compared with whose: it changes before the start as players join and leave. */
    void on(PlayerJoined event) {
        jdbc.update("INSERT INTO qs_fp_match_player (match_id, player_id, handle) VALUES (?, ?, ?)",
                event.matchId().value(), event.player().playerId().value(), event.player().handle());
    }

    void on(PlayerLeft event) {
        jdbc.update("DELETE FROM qs_fp_match_player WHERE match_id = ? AND player_id = ?",
                event.matchId().value(), event.playerId().value());
    }

    void on(MatchStarted event) {
        String mode = one("UPDATE qs_fp_match SET started_at = ? WHERE match_id = ? RETURNING mode", String.class,
                ts(event.startedAt()), event.matchId().value());
        // Battle Royale reveals one problem per round (RoundStarted); Sabotage is not a race to a solution.
        if (MatchMode.BLITZ.name().equals(mode) || MatchMode.GOLF.name().equals(mode)) {
            jdbc.update("UPDATE qs_fp_match_problem SET revealed_at = ? WHERE match_id = ?", ts(event.startedAt()), event.matchId().value());
        }
    }

    void on(RoundStarted event) {
        jdbc.update("UPDATE qs_fp_match_problem SET revealed_at = ? WHERE match_id = ? AND problem_id = ? AND revealed_at IS NULL",
                ts(event.startedAt()), event.matchId().value(), event.problemId().value());
    }

    void on(SubmissionReceived event) {
        String match = event.matchId().value();
        String problem = event.problemId() == null ? null : event.problemId().value();
        String mode = one("SELECT mode FROM qs_fp_match WHERE match_id = ?", String.class, match);
        Timestamp revealed = problem == null ? null
                : one("SELECT revealed_at FROM qs_fp_match_problem WHERE match_id = ? AND problem_id = ?", Timestamp.class, match, problem);
        // Sabotage players all edit the same published reference, so their code is alike by design.
        boolean compared = event.kind() == SubmissionKind.SOLUTION && problem != null && !MatchMode.SABOTAGE.name().equals(mode);
        long[] hashes = compared ? fingerprints.of(event.language(), event.source(), base(problem)) : new long[0];
        jdbc.update("""
                INSERT INTO qs_fp_submission (submission_id, match_id, player_id, problem_id, kind, language, source, source_bytes,
                                              received_at, revealed_at, fingerprint_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.submissionId().value(), match, event.playerId().value(), problem, event.kind().name(), event.language().id(),
                event.source() == null ? "" : event.source(), event.sourceBytes(), ts(event.receivedAt()), revealed, hashes.length);
        if (!compared || hashes.length < settings.plagiarism().minFingerprints()) {
            return;
        }
        comparePlagiarism(event, problem, hashes);
        jdbc.batchUpdate("INSERT INTO qs_fp_fingerprint (problem_id, hash, match_id, submission_id, player_id) VALUES (?, ?, ?, ?, ?)",
                Arrays.stream(hashes).mapToObj(h -> new Object[] {problem, h, match, event.submissionId().value(), event.playerId().value()})
                        .toList());
    }

    void on(SubmissionJudged event) {
        jdbc.update("UPDATE qs_fp_submission SET verdict = ?, judged_at = ? WHERE match_id = ? AND submission_id = ?",
                event.verdict().name(), ts(event.judgedAt()), event.matchId().value(), event.submissionId().value());
        if (event.verdict() == Verdict.AC) {
            checkSpeed(event);
            checkRegularity(event);
        }
    }

    void on(MatchEnded event) {
        if (event.standings().size() != 2) {
            return; // win trading needs two sides; larger matches dilute it beyond what this signal can tell
        }
        List<Standing> standings = event.standings().stream().sorted(Comparator.comparing(s -> s.playerId().value())).toList();
        Standing low = standings.get(0);
        Standing high = standings.get(1);
        Standing winner = low.place() < high.place() ? low : high.place() < low.place() ? high : null;
        Standing loser = winner == null ? null : winner == low ? high : low;
        String oneSided = null;
        if (low.forfeited() || high.forfeited()) {
            oneSided = "FORFEIT";
        } else if (loser != null && count("SELECT count(*) FROM qs_fp_submission WHERE match_id = ? AND player_id = ?",
                event.matchId().value(), loser.playerId().value()) == 0) {
            oneSided = "NO_SUBMISSION";
        }
        jdbc.update("INSERT INTO qs_fp_meeting (match_id, player_low, player_high, winner_id, one_sided, ended_at) VALUES (?, ?, ?, ?, ?, ?)",
                event.matchId().value(), low.playerId().value(), high.playerId().value(),
                winner == null ? null : winner.playerId().value(), oneSided, ts(event.endedAt()));
        if (oneSided != null) {
            checkCollusion(low.playerId().value(), high.playerId().value(), event.endedAt());
        }
    }

    void reset() {
        // qs_fp_review is deliberately kept: admins' decisions are not derived from events.
        jdbc.execute("TRUNCATE qs_fp_match, qs_fp_match_player, qs_fp_match_problem, qs_fp_problem_base, qs_fp_submission, "
                + "qs_fp_fingerprint, qs_fp_meeting, qs_fp_flag");
    }

    // --- plagiarism -----------------------------------------------------------------------------

    private void comparePlagiarism(SubmissionReceived event, String problem, long[] hashes) {
        Long[] boxed = Arrays.stream(hashes).boxed().toArray(Long[]::new);
        List<Candidate> candidates = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    SELECT f.match_id, f.submission_id, f.player_id, s.fingerprint_count, count(*) AS shared
                    FROM qs_fp_fingerprint f
                    JOIN qs_fp_submission s ON s.match_id = f.match_id AND s.submission_id = f.submission_id
                    WHERE f.problem_id = ? AND f.player_id <> ? AND f.hash = ANY (?)
                    GROUP BY f.match_id, f.submission_id, f.player_id, s.fingerprint_count""");
            Array array = connection.createArrayOf("bigint", boxed);
            statement.setString(1, problem);
            statement.setString(2, event.playerId().value());
            statement.setArray(3, array);
            return statement;
        }, (rs, i) -> new Candidate(rs.getString("submission_id"), rs.getString("player_id"), rs.getString("match_id"),
                Fingerprints.Similarity.of(rs.getInt("shared"), hashes.length, rs.getInt("fingerprint_count"))));
        Map<String, Candidate> bestPerPlayer = new LinkedHashMap<>();
        candidates.stream()
                .filter(c -> c.similarity().reaches(settings.plagiarism()))
                .sorted(Comparator.comparing(Candidate::matchId).thenComparing(Candidate::submissionId))
                .forEach(c -> bestPerPlayer.merge(c.playerId(), c, (a, b) -> b.similarity().jaccard() > a.similarity().jaccard() ? b : a));
        for (Candidate other : bestPerPlayer.values()) {
            raisePlagiarism(event, problem, other);
        }
    }

    private void raisePlagiarism(SubmissionReceived event, String problem, Candidate other) {
        String me = event.playerId().value();
        Fingerprints.Similarity similarity = other.similarity();
        List<String> pair = Stream.of(me, other.playerId()).sorted().toList();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("problemId", problem);
        evidence.put("submissions", List.of(ref(other.matchId(), other.submissionId()), ref(event.matchId().value(), event.submissionId().value())));
        evidence.put("earlierSubmission", Map.of("submissionId", other.submissionId(), "playerId", other.playerId(),
                "matchId", other.matchId(), "fingerprints", similarity.b()));
        evidence.put("laterSubmission", Map.of("submissionId", event.submissionId().value(), "playerId", me,
                "matchId", event.matchId().value(), "fingerprints", similarity.a()));
        evidence.put("sharedFingerprints", similarity.shared());
        evidence.put("jaccard", round(similarity.jaccard()));
        evidence.put("containment", round(similarity.containment()));
        FairPlaySettings.Plagiarism p = settings.plagiarism();
        evidence.put("thresholds", Map.of("k", p.k(), "window", p.window(), "jaccard", p.jaccard(), "containment", p.containment(),
                "minFingerprints", p.minFingerprints()));
        List<String> matches = Stream.of(other.matchId(), event.matchId().value()).distinct().toList();
        String summary = String.format("%d%% of fingerprints shared (containment %d%%) on %s", Math.round(similarity.jaccard() * 100),
                Math.round(similarity.containment() * 100), problem);
        upsertFlag(FlagKind.PLAGIARISM, flagId(FlagKind.PLAGIARISM, problem, pair.get(0), pair.get(1)),
                players(List.of(new String[] {other.matchId(), other.playerId()}, new String[] {event.matchId().value(), me})),
                matches, Math.max(similarity.jaccard(), similarity.containment()), summary, evidence, event.receivedAt(), true);
    }

    // --- bots -----------------------------------------------------------------------------------

    private void checkSpeed(SubmissionJudged event) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT kind, language, source_bytes, received_at, revealed_at FROM qs_fp_submission
                WHERE match_id = ? AND submission_id = ? AND revealed_at IS NOT NULL""", event.matchId().value(), event.submissionId().value());
        if (rows.isEmpty() || !SubmissionKind.SOLUTION.name().equals(rows.get(0).get("kind"))) {
            return;
        }
        Map<String, Object> row = rows.get(0);
        Instant received = ((Timestamp) row.get("received_at")).toInstant();
        Instant revealed = ((Timestamp) row.get("revealed_at")).toInstant();
        int typed = Fingerprints.typedBytes(Language.fromId((String) row.get("language")), (Integer) row.get("source_bytes"));
        double seconds = Math.max(1.0, Duration.between(revealed, received).toMillis() / 1000.0);
        double rate = typed / seconds;
        FairPlaySettings.Bot bot = settings.bot();
        if (typed < bot.minTypedBytes() || rate <= bot.maxBytesPerSecond()) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("submissions", List.of(ref(event.matchId().value(), event.submissionId().value())));
        evidence.put("problemId", event.problemId().value());
        evidence.put("revealedAt", revealed.toString());
        evidence.put("receivedAt", received.toString());
        evidence.put("secondsAfterReveal", round(seconds));
        evidence.put("sourceBytes", row.get("source_bytes"));
        evidence.put("typedBytes", typed);
        evidence.put("bytesPerSecond", round(rate));
        evidence.put("thresholds", Map.of("minTypedBytes", bot.minTypedBytes(), "maxBytesPerSecond", bot.maxBytesPerSecond()));
        String summary = String.format("Accepted %d typed bytes %.0f s after the problem was revealed (%.1f bytes/s)", typed, seconds, rate);
        upsertFlag(FlagKind.BOT_SPEED, flagId(FlagKind.BOT_SPEED, event.matchId().value(), event.submissionId().value()),
                players(List.<String[]>of(new String[] {event.matchId().value(), event.playerId().value()})),
                List.of(event.matchId().value()), 1 - bot.maxBytesPerSecond() / rate, summary, evidence, received, false);
    }

    private void checkRegularity(SubmissionJudged event) {
        FairPlaySettings.Bot bot = settings.bot();
        List<Map<String, Object>> recent = jdbc.queryForList("""
                SELECT submission_id, match_id, received_at, revealed_at FROM qs_fp_submission
                WHERE player_id = ? AND verdict = 'AC' AND kind = 'SOLUTION' AND revealed_at IS NOT NULL
                ORDER BY received_at DESC, submission_id DESC LIMIT ?""", event.playerId().value(), bot.regularitySamples());
        if (recent.size() < bot.regularitySamples() || bot.regularitySamples() < 2) {
            return;
        }
        double[] seconds = recent.stream().mapToDouble(r -> Duration.between(((Timestamp) r.get("revealed_at")).toInstant(),
                ((Timestamp) r.get("received_at")).toInstant()).toMillis() / 1000.0).toArray();
        double mean = Arrays.stream(seconds).average().orElse(0);
        double variance = Arrays.stream(seconds).map(s -> (s - mean) * (s - mean)).sum() / (seconds.length - 1);
        double variation = mean <= 0 ? Double.MAX_VALUE : Math.sqrt(variance) / mean;
        if (mean < bot.regularityMinSeconds() || variation >= bot.regularityMaxVariation()) {
            return;
        }
        List<Map<String, String>> submissions = recent.stream().map(r -> ref((String) r.get("match_id"), (String) r.get("submission_id"))).toList();
        List<String> matches = recent.stream().map(r -> (String) r.get("match_id")).distinct().sorted().toList();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("submissions", submissions);
        evidence.put("secondsAfterReveal", Arrays.stream(seconds).map(UnbatchedFairPlayProjection::round).boxed().toList());
        evidence.put("meanSeconds", round(mean));
        evidence.put("coefficientOfVariation", round(variation));
        evidence.put("thresholds", Map.of("samples", bot.regularitySamples(), "maxVariation", bot.regularityMaxVariation(),
                "minMeanSeconds", bot.regularityMinSeconds()));
        String summary = String.format("%d consecutive Accepted solutions each %.0f s (±%.1f%%) after the reveal", seconds.length, mean,
                variation * 100);
        List<String[]> who = List.<String[]>of(new String[] {event.matchId().value(), event.playerId().value()});
        upsertFlag(FlagKind.BOT_REGULARITY, flagId(FlagKind.BOT_REGULARITY, event.playerId().value()), players(who), matches,
                1 - variation / bot.regularityMaxVariation(), summary, evidence,
                ((Timestamp) recent.get(0).get("received_at")).toInstant(), false);
    }

    // --- collusion ------------------------------------------------------------------------------

    private void checkCollusion(String low, String high, Instant endedAt) {
        FairPlaySettings.Collusion collusion = settings.collusion();
        List<Map<String, Object>> meetings = jdbc.queryForList("""
                SELECT match_id, winner_id, one_sided, ended_at FROM qs_fp_meeting
                WHERE player_low = ? AND player_high = ? AND ended_at > ? AND ended_at <= ? ORDER BY ended_at, match_id""",
                low, high, ts(endedAt.minus(collusion.window())), ts(endedAt));
        List<Map<String, Object>> oneSided = meetings.stream().filter(m -> m.get("one_sided") != null).toList();
        if (oneSided.size() < collusion.minOneSided()) {
            return;
        }
        Map<String, Integer> wins = new HashMap<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Map<String, Object> m : oneSided) {
            String winner = (String) m.get("winner_id");
            if (winner != null) {
                wins.merge(winner, 1, Integer::sum);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("matchId", m.get("match_id"));
            entry.put("winnerId", winner);
            entry.put("oneSided", m.get("one_sided"));
            entry.put("endedAt", ((Timestamp) m.get("ended_at")).toInstant().toString());
            listed.add(entry);
        }
        String pattern = wins.size() > 1 ? "TRADING" : "FEEDING";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("pattern", pattern);
        evidence.put("meetingsInWindow", meetings.size());
        evidence.put("oneSidedInWindow", oneSided.size());
        evidence.put("oneSidedWins", Map.of(low, wins.getOrDefault(low, 0), high, wins.getOrDefault(high, 0)));
        evidence.put("matches", listed);
        evidence.put("thresholds", Map.of("window", collusion.window().toString(), "minOneSided", collusion.minOneSided()));
        List<String> matchIds = oneSided.stream().map(m -> (String) m.get("match_id")).toList();
        String lastMatch = matchIds.get(matchIds.size() - 1);
        String summary = String.format("%d of %d meetings within %d days one-sided (%s)", oneSided.size(), meetings.size(),
                collusion.window().toDays(), pattern.equals("TRADING") ? "wins go both ways" : "always the same winner");
        upsertFlag(FlagKind.COLLUSION, flagId(FlagKind.COLLUSION, low, high),
                players(List.of(new String[] {lastMatch, low}, new String[] {lastMatch, high})), matchIds,
                Math.min(1.0, (double) oneSided.size() / (2.0 * collusion.minOneSided())), summary, evidence, endedAt, false);
    }

    // --- flags ----------------------------------------------------------------------------------

    /**
     * Inserts the flag or, if one with this id exists, updates it: with {@code keepStrongest} only when
     * the new evidence scores at least as high (plagiarism keeps its most similar pair), else always
     * (the latest window of a timing or collusion signal). {@code created_at} stays the first sighting.
     */
    private void upsertFlag(FlagKind kind, String flagId, List<Map<String, String>> players, List<String> matchIds, double score,
                            String summary, Map<String, Object> evidence, Instant at, boolean keepStrongest) {
        String replace = keepStrongest ? "EXCLUDED.score >= qs_fp_flag.score" : "TRUE";
        jdbc.update("""
                INSERT INTO qs_fp_flag (flag_id, kind, players, match_ids, score, summary, evidence, created_at, updated_at)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (flag_id) DO UPDATE SET updated_at = EXCLUDED.updated_at,
                    players = CASE WHEN %1$s THEN EXCLUDED.players ELSE qs_fp_flag.players END,
                    match_ids = CASE WHEN %1$s THEN EXCLUDED.match_ids ELSE qs_fp_flag.match_ids END,
                    summary = CASE WHEN %1$s THEN EXCLUDED.summary ELSE qs_fp_flag.summary END,
                    evidence = CASE WHEN %1$s THEN EXCLUDED.evidence ELSE qs_fp_flag.evidence END,
                    score = CASE WHEN %1$s THEN EXCLUDED.score ELSE qs_fp_flag.score END""".formatted(replace),
                flagId, kind.name(), write(players), write(matchIds), round(Math.max(0, Math.min(1, score))), summary, write(evidence),
                ts(at), ts(at));
    }

    /** Flag ids come from what the flag is about, so a rebuild recreates the same ids and the reviews still apply. */
    static String flagId(FlagKind kind, String... subject) {
        String key = kind.name() + "|" + String.join("|", subject);
        return "fp-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Players with the handles they had in the given match ({@code [matchId, playerId]} pairs), sorted by id. */
    private List<Map<String, String>> players(List<String[]> matchAndPlayer) {
        return matchAndPlayer.stream()
                .sorted(Comparator.comparing(mp -> mp[1]))
                .map(mp -> {
                    String handle = one("SELECT handle FROM qs_fp_match_player WHERE match_id = ? AND player_id = ?", String.class, mp[0], mp[1]);
                    Map<String, String> player = new LinkedHashMap<>();
                    player.put("playerId", mp[1]);
                    player.put("handle", handle == null ? mp[1] : handle);
                    return player;
                })
                .toList();
    }

    private static Map<String, String> ref(String matchId, String submissionId) {
        Map<String, String> ref = new LinkedHashMap<>();
        ref.put("matchId", matchId);
        ref.put("submissionId", submissionId);
        return ref;
    }

    private void addBase(String problem, ReferenceSolution reference) {
        if (reference == null || reference.source() == null) {
            return;
        }
        long[] hashes = fingerprints.raw(reference.language(), reference.source());
        jdbc.batchUpdate("INSERT INTO qs_fp_problem_base (problem_id, hash) VALUES (?, ?) ON CONFLICT DO NOTHING",
                Arrays.stream(hashes).mapToObj(h -> new Object[] {problem, h}).toList());
    }

    private long[] base(String problem) {
        return jdbc.queryForList("SELECT hash FROM qs_fp_problem_base WHERE problem_id = ?", Long.class, problem).stream()
                .mapToLong(Long::longValue).toArray();
    }

    private <T> T one(String sql, Class<T> type, Object... args) {
        List<T> rows = jdbc.queryForList(sql, type, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fair-play evidence as JSON", e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private record Candidate(String submissionId, String playerId, String matchId, Fingerprints.Similarity similarity) {
    }
}
