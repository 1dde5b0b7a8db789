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
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.problem.ProblemVersionPublished;
import dev.codearena.query.QueryProcessingGroups;
import dev.codearena.query.support.UnitOfWorkBatch;
import static dev.codearena.query.support.RowBatch.key;
import java.nio.charset.StandardCharsets;
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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fair-play read model: indexes every solution's winnowed fingerprints per problem, remembers when
 * each problem was revealed and how 1v1 matches ended, and raises flags (plagiarism, bot speed, bot
 * regularity, collusion) for admins to review. Like the other projections it writes through the
 * processor's transaction (rows and token together) and is rebuilt from history by its reset; flags
 * are a pure function of the events (ids derived from what they are about, times from the events), so
 * a rebuild yields the same flags and the admins' reviews (kept apart, in {@code qs_fp_review}) attach
 * to them again. Signals and thresholds: docs/fair-play.md.
 */
@Component
@ProcessingGroup(FairPlayProjection.GROUP)
class FairPlayProjection {

    static final String GROUP = QueryProcessingGroups.FAIR_PLAY;
    private static final String BATCH = FairPlayProjection.class.getName();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final FairPlaySettings settings;
    private final Fingerprints fingerprints;
    /**
     * Fingerprints of reference solutions: every match carries its problems' reference, mostly the same few
     * sources, and fingerprints are a pure function of the source. Bounded; never read outside a handler.
     */
    private final Map<ReferenceSolution, long[]> referenceFingerprints = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ReferenceSolution, long[]> eldest) {
                    return size() > 256;
                }
            });

    FairPlayProjection(JdbcTemplate jdbc, ObjectMapper json, FairPlaySettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
        this.fingerprints = new Fingerprints(settings.plagiarism().k(), settings.plagiarism().window());
    }

    @EventHandler
    void on(ProblemVersionPublished event) {
        addBase(batch(), event.problemId().value(), event.definition().sabotageReference());
    }

    @EventHandler
    void on(MatchCreated event) {
        FairPlayBatch batch = batch();
        String match = event.matchId().value();
        FairPlayBatch.MatchState state = batch.created(match, event.mode().name());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("match_id", match);
        row.put("mode", event.mode().name());
        row.put("started_at", null);
        batch.matchRows.insert(row);
        for (MatchPlayer player : event.players()) {
            state.roster.put(player.playerId().value(), player.handle());
            batch.playerRows.insert(playerRow(match, player));
        }
        for (MatchProblem problem : event.problems()) {
            state.revealed.put(problem.problemId().value(), null);
            Map<String, Object> problemRow = new LinkedHashMap<>();
            problemRow.put("match_id", match);
            problemRow.put("problem_id", problem.problemId().value());
            problemRow.put("revealed_at", null);
            batch.problemRows.insert(problemRow);
        }
        for (MatchProblem problem : event.problems()) {
            addBase(batch, problem.problemId().value(), problem.sabotageReference());
        }
    }

    /** The roster decides whose code is compared with whose: it changes before the start as players join and leave. */
    @EventHandler
    void on(PlayerJoined event) {
        FairPlayBatch batch = batch();
        String match = event.matchId().value();
        batch.roster(match).put(event.player().playerId().value(), event.player().handle());
        batch.playerRows.insert(playerRow(match, event.player()));
    }

    @EventHandler
    void on(PlayerLeft event) {
        FairPlayBatch batch = batch();
        String match = event.matchId().value();
        batch.roster(match).remove(event.playerId().value());
        batch.playerRows.delete(key(match, event.playerId().value()));
    }

    @EventHandler
    void on(MatchStarted event) {
        FairPlayBatch batch = batch();
        String match = event.matchId().value();
        FairPlayBatch.MatchState state = batch.match(match);
        if (state.mode == null) {
            return; // no such match (as the UPDATE ... RETURNING mode found no row)
        }
        Instant startedAt = FairPlayBatch.stored(event.startedAt());
        batch.matchRows.set(key(match), "started_at", startedAt);
        // Battle Royale reveals one problem per round (RoundStarted); Sabotage is not a race to a solution.
        if (MatchMode.BLITZ.name().equals(state.mode) || MatchMode.GOLF.name().equals(state.mode)) {
            for (String problem : state.revealed.keySet()) {
                state.revealed.put(problem, startedAt);
                batch.problemRows.set(key(match, problem), "revealed_at", startedAt);
            }
        }
    }

    @EventHandler
    void on(RoundStarted event) {
        FairPlayBatch batch = batch();
        String match = event.matchId().value();
        String problem = event.problemId().value();
        FairPlayBatch.MatchState state = batch.match(match);
        if (state.revealed.containsKey(problem) && state.revealed.get(problem) == null) {
            Instant startedAt = FairPlayBatch.stored(event.startedAt());
            state.revealed.put(problem, startedAt);
            batch.problemRows.set(key(match, problem), "revealed_at", startedAt);
        }
    }

    @EventHandler
    void on(SubmissionReceived event) {
        FairPlayBatch batch = batch();
        String match = event.matchId().value();
        String problem = event.problemId() == null ? null : event.problemId().value();
        FairPlayBatch.MatchState state = batch.match(match);
        Instant revealed = problem == null ? null : state.revealed.get(problem);
        // Sabotage players all edit the same published reference, so their code is alike by design.
        boolean compared = event.kind() == SubmissionKind.SOLUTION && problem != null && !MatchMode.SABOTAGE.name().equals(state.mode);
        long[] hashes = new long[0];
        if (compared) {
            long[] raw = batch.rawFingerprints(key(match, event.submissionId().value()),
                    () -> fingerprints.raw(event.language(), event.source()));
            // Removing base code from nothing leaves nothing: the base is only looked up when there is something to remove it from.
            hashes = raw.length == 0 ? raw : fingerprints.withoutBase(raw, batch.base(problem));
        }
        batch.submissionReceived(match, event.submissionId().value(), event.playerId().value(), problem, event.kind().name(),
                event.language().id(), event.source() == null ? "" : event.source(), event.sourceBytes(),
                FairPlayBatch.stored(event.receivedAt()), revealed, hashes.length);
        if (!compared || hashes.length < settings.plagiarism().minFingerprints()) {
            return;
        }
        comparePlagiarism(batch, event, problem, hashes);
        batch.index(problem, match, event.submissionId().value(), event.playerId().value(), hashes);
    }

    @EventHandler
    void on(SubmissionJudged event) {
        FairPlayBatch batch = batch();
        batch.submissionJudged(event.matchId().value(), event.submissionId().value(), event.playerId().value(), event.verdict().name(),
                FairPlayBatch.stored(event.judgedAt()));
        if (event.verdict() == Verdict.AC) {
            checkSpeed(batch, event);
            checkRegularity(batch, event);
        }
    }

    @EventHandler
    void on(MatchEnded event) {
        if (event.standings().size() != 2) {
            return; // win trading needs two sides; larger matches dilute it beyond what this signal can tell
        }
        FairPlayBatch batch = batch();
        List<Standing> standings = event.standings().stream().sorted(Comparator.comparing(s -> s.playerId().value())).toList();
        Standing low = standings.get(0);
        Standing high = standings.get(1);
        Standing winner = low.place() < high.place() ? low : high.place() < low.place() ? high : null;
        Standing loser = winner == null ? null : winner == low ? high : low;
        String oneSided = null;
        if (low.forfeited() || high.forfeited()) {
            oneSided = "FORFEIT";
        } else if (loser != null && batch.submissionCount(event.matchId().value(), loser.playerId().value()) == 0) {
            oneSided = "NO_SUBMISSION";
        }
        Instant endedAt = FairPlayBatch.stored(event.endedAt());
        batch.meetingEnded(event.matchId().value(), low.playerId().value(), high.playerId().value(),
                winner == null ? null : winner.playerId().value(), oneSided, endedAt);
        if (oneSided != null) {
            checkCollusion(batch, low.playerId().value(), high.playerId().value(), event.endedAt());
        }
    }

    @ResetHandler
    void reset() {
        // qs_fp_review is deliberately kept: admins' decisions are not derived from events.
        jdbc.execute("TRUNCATE qs_fp_match, qs_fp_match_player, qs_fp_match_problem, qs_fp_problem_base, qs_fp_submission, "
                + "qs_fp_fingerprint, qs_fp_meeting, qs_fp_flag");
    }

    private FairPlayBatch batch() {
        return UnitOfWorkBatch.current(BATCH, () -> {
            FairPlayBatch batch = new FairPlayBatch(jdbc, settings);
            if (CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unitOfWork) {
                batch.prefetch(unitOfWork.getMessages());
            }
            return batch;
        }, FairPlayBatch::flush);
    }

    private static Map<String, Object> playerRow(String match, MatchPlayer player) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("match_id", match);
        row.put("player_id", player.playerId().value());
        row.put("handle", player.handle());
        return row;
    }

    // --- plagiarism -----------------------------------------------------------------------------

    private void comparePlagiarism(FairPlayBatch batch, SubmissionReceived event, String problem, long[] hashes) {
        String me = event.playerId().value();
        List<Candidate> candidates = new ArrayList<>();
        for (FairPlayBatch.StoredCandidate c : storedCandidates(batch, event, problem, hashes)) {
            candidates.add(new Candidate(c.submissionId(), c.playerId(), c.matchId(),
                    Fingerprints.Similarity.of(c.shared(), hashes.length, c.fingerprintCount())));
        }
        // This batch's earlier submissions are not in the index table yet: compare with them in memory.
        for (FairPlayBatch.Indexed other : batch.indexedInBatch(problem)) {
            if (!other.playerId().equals(me)) {
                Fingerprints.Similarity similarity = Fingerprints.similarity(hashes, other.hashes());
                if (similarity.shared() > 0) {
                    candidates.add(new Candidate(other.submissionId(), other.playerId(), other.matchId(), similarity));
                }
            }
        }
        Map<String, Candidate> bestPerPlayer = new LinkedHashMap<>();
        candidates.stream()
                .filter(c -> c.similarity().reaches(settings.plagiarism()))
                .sorted(Comparator.comparing(Candidate::matchId).thenComparing(Candidate::submissionId))
                .forEach(c -> bestPerPlayer.merge(c.playerId(), c, (a, b) -> b.similarity().jaccard() > a.similarity().jaccard() ? b : a));
        for (Candidate other : bestPerPlayer.values()) {
            raisePlagiarism(batch, event, problem, other);
        }
    }

    /**
     * The stored submissions of other players that share fingerprints with this solution: from the batch's one
     * lookup ({@link #lookUpCandidates}) when it was made with the same hashes (the problem's base can grow within
     * the batch), else by a query of its own.
     */
    private List<FairPlayBatch.StoredCandidate> storedCandidates(FairPlayBatch batch, SubmissionReceived event, String problem,
                                                                 long[] hashes) {
        if (!batch.candidatesLookedUp()) {
            batch.candidatesLookedUp(lookUpCandidates(batch));
        }
        FairPlayBatch.StoredCandidates looked = batch.storedCandidates(key(event.matchId().value(), event.submissionId().value()));
        if (looked != null && Arrays.equals(looked.hashes(), hashes)) {
            return looked.candidates();
        }
        return queryCandidates(problem, event.playerId().value(), hashes);
    }

    private static final String CANDIDATES = """
            SELECT c.match_id, c.submission_id, c.player_id, s.fingerprint_count, c.shared
            FROM (SELECT f.match_id, f.submission_id, f.player_id, count(*) AS shared
                  FROM qs_fp_fingerprint f
                  WHERE f.problem_id = %1$s AND f.player_id <> %2$s AND f.hash = ANY (%3$s)
                  GROUP BY f.match_id, f.submission_id, f.player_id) c
            JOIN qs_fp_submission s ON s.match_id = c.match_id AND s.submission_id = c.submission_id""";

    /** One solution's stored candidates. */
    private List<FairPlayBatch.StoredCandidate> queryCandidates(String problem, String player, long[] hashes) {
        return jdbc.query(CANDIDATES.formatted("?", "?", "?::bigint[]"), (rs, i) -> candidate(rs, 0),
                problem, player, hashText(hashes));
    }

    /**
     * The stored candidates of every solution the batch's messages carry that will be compared, in one query (a
     * {@code LATERAL} per solution, each the query {@link #queryCandidates} makes alone). The tables do not change
     * before the flush, so each answer is what that solution's own query would give when it is handled. Hashes are
     * worked out with the problem's base as the batch knows it now; a solution whose hashes differ when handled
     * (its problem's base grew since) queries alone.
     */
    private Map<List<Object>, FairPlayBatch.StoredCandidates> lookUpCandidates(FairPlayBatch batch) {
        Map<List<Object>, long[]> wanted = new LinkedHashMap<>();
        List<List<Object>> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> players = new ArrayList<>();
        List<String> hashTexts = new ArrayList<>();
        for (SubmissionReceived r : batch.received()) {
            FairPlayBatch.MatchState known = batch.knownMatch(r.matchId().value());
            if (r.kind() != SubmissionKind.SOLUTION || r.problemId() == null
                    || known != null && MatchMode.SABOTAGE.name().equals(known.mode)) {
                continue;
            }
            List<Object> key = key(r.matchId().value(), r.submissionId().value());
            String problem = r.problemId().value();
            long[] raw = batch.rawFingerprints(key, () -> fingerprints.raw(r.language(), r.source()));
            long[] hashes = raw.length == 0 ? raw : fingerprints.withoutBase(raw, batch.base(problem));
            if (hashes.length < settings.plagiarism().minFingerprints() || wanted.putIfAbsent(key, hashes) != null) {
                continue;
            }
            keys.add(key);
            problems.add(problem);
            players.add(r.playerId().value());
            hashTexts.add(hashText(hashes));
        }
        Map<List<Object>, List<FairPlayBatch.StoredCandidate>> found = new HashMap<>();
        if (!keys.isEmpty()) {
            Integer[] ids = new Integer[keys.size()];
            Arrays.setAll(ids, i -> i);
            jdbc.query("SELECT q.i, x.* FROM unnest(?::int[], ?::text[], ?::text[], ?::text[]) AS q(i, problem_id, player_id, hashes)"
                            + " CROSS JOIN LATERAL (" + CANDIDATES.formatted("q.problem_id", "q.player_id", "q.hashes::bigint[]") + ") x",
                    rs -> {
                        found.computeIfAbsent(keys.get(rs.getInt(1)), k -> new ArrayList<>()).add(candidate(rs, 1));
                    }, ids, problems.toArray(String[]::new), players.toArray(String[]::new), hashTexts.toArray(String[]::new));
        }
        Map<List<Object>, FairPlayBatch.StoredCandidates> looked = new HashMap<>();
        wanted.forEach((key, hashes) -> looked.put(key, new FairPlayBatch.StoredCandidates(hashes, found.getOrDefault(key, List.of()))));
        return looked;
    }

    private static FairPlayBatch.StoredCandidate candidate(java.sql.ResultSet rs, int offset) throws java.sql.SQLException {
        return new FairPlayBatch.StoredCandidate(rs.getString(offset + 1), rs.getString(offset + 2), rs.getString(offset + 3),
                rs.getInt(offset + 4), rs.getInt(offset + 5));
    }

    /** Hashes as a PostgreSQL array literal, e.g. {@code {1,-2,3}}. */
    private static String hashText(long[] hashes) {
        StringBuilder text = new StringBuilder(hashes.length * 20 + 2).append('{');
        for (int i = 0; i < hashes.length; i++) {
            text.append(i == 0 ? "" : ",").append(hashes[i]);
        }
        return text.append('}').toString();
    }

    private void raisePlagiarism(FairPlayBatch batch, SubmissionReceived event, String problem, Candidate other) {
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
        upsertFlag(batch, FlagKind.PLAGIARISM, flagId(FlagKind.PLAGIARISM, problem, pair.get(0), pair.get(1)),
                players(batch, List.of(new String[] {other.matchId(), other.playerId()}, new String[] {event.matchId().value(), me})),
                matches, Math.max(similarity.jaccard(), similarity.containment()), summary, evidence, FairPlayBatch.stored(event.receivedAt()),
                true);
    }

    // --- bots -----------------------------------------------------------------------------------

    private void checkSpeed(FairPlayBatch batch, SubmissionJudged event) {
        FairPlayBatch.SubmissionRow row = batch.submission(event.matchId().value(), event.submissionId().value());
        if (row == null || row.revealedAt() == null || !SubmissionKind.SOLUTION.name().equals(row.kind())) {
            return;
        }
        Instant received = row.receivedAt();
        Instant revealed = row.revealedAt();
        int typed = Fingerprints.typedBytes(Language.fromId(row.language()), row.sourceBytes());
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
        evidence.put("sourceBytes", row.sourceBytes());
        evidence.put("typedBytes", typed);
        evidence.put("bytesPerSecond", round(rate));
        evidence.put("thresholds", Map.of("minTypedBytes", bot.minTypedBytes(), "maxBytesPerSecond", bot.maxBytesPerSecond()));
        String summary = String.format("Accepted %d typed bytes %.0f s after the problem was revealed (%.1f bytes/s)", typed, seconds, rate);
        upsertFlag(batch, FlagKind.BOT_SPEED, flagId(FlagKind.BOT_SPEED, event.matchId().value(), event.submissionId().value()),
                players(batch, List.<String[]>of(new String[] {event.matchId().value(), event.playerId().value()})),
                List.of(event.matchId().value()), 1 - bot.maxBytesPerSecond() / rate, summary, evidence, received, false);
    }

    private void checkRegularity(FairPlayBatch batch, SubmissionJudged event) {
        FairPlaySettings.Bot bot = settings.bot();
        if (bot.regularitySamples() < 2) {
            return;
        }
        List<FairPlayBatch.RecentEntry> recent = batch.latestAccepted(event.playerId().value());
        if (recent.size() < bot.regularitySamples()) {
            return;
        }
        double[] seconds = recent.stream().mapToDouble(r -> Duration.between(r.revealedAt(), r.receivedAt()).toMillis() / 1000.0).toArray();
        double mean = Arrays.stream(seconds).average().orElse(0);
        double variance = Arrays.stream(seconds).map(s -> (s - mean) * (s - mean)).sum() / (seconds.length - 1);
        double variation = mean <= 0 ? Double.MAX_VALUE : Math.sqrt(variance) / mean;
        if (mean < bot.regularityMinSeconds() || variation >= bot.regularityMaxVariation()) {
            return;
        }
        List<Map<String, String>> submissions = recent.stream().map(r -> ref(r.matchId(), r.submissionId())).toList();
        List<String> matches = recent.stream().map(FairPlayBatch.RecentEntry::matchId).distinct().sorted().toList();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("submissions", submissions);
        evidence.put("secondsAfterReveal", Arrays.stream(seconds).map(FairPlayProjection::round).boxed().toList());
        evidence.put("meanSeconds", round(mean));
        evidence.put("coefficientOfVariation", round(variation));
        evidence.put("thresholds", Map.of("samples", bot.regularitySamples(), "maxVariation", bot.regularityMaxVariation(),
                "minMeanSeconds", bot.regularityMinSeconds()));
        String summary = String.format("%d consecutive Accepted solutions each %.0f s (±%.1f%%) after the reveal", seconds.length, mean,
                variation * 100);
        List<String[]> who = List.<String[]>of(new String[] {event.matchId().value(), event.playerId().value()});
        upsertFlag(batch, FlagKind.BOT_REGULARITY, flagId(FlagKind.BOT_REGULARITY, event.playerId().value()), players(batch, who), matches,
                1 - variation / bot.regularityMaxVariation(), summary, evidence, recent.get(0).receivedAt(), false);
    }

    // --- collusion ------------------------------------------------------------------------------

    private void checkCollusion(FairPlayBatch batch, String low, String high, Instant endedAt) {
        FairPlaySettings.Collusion collusion = settings.collusion();
        List<FairPlayBatch.Meeting> meetings = batch.meetings(low, high, FairPlayBatch.stored(endedAt.minus(collusion.window())),
                FairPlayBatch.stored(endedAt));
        List<FairPlayBatch.Meeting> oneSided = meetings.stream().filter(m -> m.oneSided() != null).toList();
        if (oneSided.size() < collusion.minOneSided()) {
            return;
        }
        Map<String, Integer> wins = new HashMap<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (FairPlayBatch.Meeting m : oneSided) {
            String winner = m.winnerId();
            if (winner != null) {
                wins.merge(winner, 1, Integer::sum);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("matchId", m.matchId());
            entry.put("winnerId", winner);
            entry.put("oneSided", m.oneSided());
            entry.put("endedAt", m.endedAt().toString());
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
        List<String> matchIds = oneSided.stream().map(FairPlayBatch.Meeting::matchId).toList();
        String lastMatch = matchIds.get(matchIds.size() - 1);
        String summary = String.format("%d of %d meetings within %d days one-sided (%s)", oneSided.size(), meetings.size(),
                collusion.window().toDays(), pattern.equals("TRADING") ? "wins go both ways" : "always the same winner");
        upsertFlag(batch, FlagKind.COLLUSION, flagId(FlagKind.COLLUSION, low, high),
                players(batch, List.of(new String[] {lastMatch, low}, new String[] {lastMatch, high})), matchIds,
                Math.min(1.0, (double) oneSided.size() / (2.0 * collusion.minOneSided())), summary, evidence, FairPlayBatch.stored(endedAt),
                false);
    }

    // --- flags ----------------------------------------------------------------------------------

    /**
     * Inserts the flag or, if one with this id exists, updates it: with {@code keepStrongest} only when
     * the new evidence scores at least as high (plagiarism keeps its most similar pair), else always
     * (the latest window of a timing or collusion signal). {@code created_at} stays the first sighting.
     */
    static String upsertFlagSql(boolean keepStrongest) {
        String replace = keepStrongest ? "EXCLUDED.score >= qs_fp_flag.score" : "TRUE";
        return """
                INSERT INTO qs_fp_flag (flag_id, kind, players, match_ids, score, summary, evidence, created_at, updated_at)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (flag_id) DO UPDATE SET updated_at = EXCLUDED.updated_at,
                    players = CASE WHEN %1$s THEN EXCLUDED.players ELSE qs_fp_flag.players END,
                    match_ids = CASE WHEN %1$s THEN EXCLUDED.match_ids ELSE qs_fp_flag.match_ids END,
                    summary = CASE WHEN %1$s THEN EXCLUDED.summary ELSE qs_fp_flag.summary END,
                    evidence = CASE WHEN %1$s THEN EXCLUDED.evidence ELSE qs_fp_flag.evidence END,
                    score = CASE WHEN %1$s THEN EXCLUDED.score ELSE qs_fp_flag.score END""".formatted(replace);
    }

    /** Queues the flag's upsert ({@link #upsertFlagSql}) for the batch's flush; nothing in the projection reads flags back. */
    private void upsertFlag(FairPlayBatch batch, FlagKind kind, String flagId, List<Map<String, String>> players, List<String> matchIds,
                            double score, String summary, Map<String, Object> evidence, Instant at, boolean keepStrongest) {
        batch.upsertFlag(flagId, keepStrongest, flagId, kind.name(), write(players), write(matchIds), round(Math.max(0, Math.min(1, score))),
                summary, write(evidence), ts(at), ts(at));
    }

    /** Flag ids come from what the flag is about, so a rebuild recreates the same ids and the reviews still apply. */
    static String flagId(FlagKind kind, String... subject) {
        String key = kind.name() + "|" + String.join("|", subject);
        return "fp-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Players with the handles they had in the given match ({@code [matchId, playerId]} pairs), sorted by id. */
    private static List<Map<String, String>> players(FairPlayBatch batch, List<String[]> matchAndPlayer) {
        return matchAndPlayer.stream()
                .sorted(Comparator.comparing(mp -> mp[1]))
                .map(mp -> {
                    String handle = batch.roster(mp[0]).get(mp[1]);
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

    private void addBase(FairPlayBatch batch, String problem, ReferenceSolution reference) {
        if (reference == null || reference.source() == null) {
            return;
        }
        batch.addBase(problem, referenceFingerprints.computeIfAbsent(reference, r -> fingerprints.raw(r.language(), r.source())));
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
