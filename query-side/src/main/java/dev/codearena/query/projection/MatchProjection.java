package dev.codearena.query.projection;

import dev.codearena.query.QueryProcessingGroups;
import static dev.codearena.query.support.RowBatch.key;
import static dev.codearena.query.support.Sql.ts;

import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchFinalised;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerEliminated;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.ProblemLocked;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.SabotageRefused;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.match.TimeUp;
import dev.codearena.query.support.RowBatch;
import dev.codearena.query.support.UnitOfWorkBatch;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Matches: the live-match list, every player's match history, and match detail (players, problems
 * with their locks, submissions with verdicts, standings and rating changes). Batched per processor
 * batch like {@link PlayerProjection}.
 */
@Component
@ProcessingGroup(MatchProjection.GROUP)
class MatchProjection {

    static final String GROUP = QueryProcessingGroups.MATCHES;
    private static final String BATCH = MatchProjection.class.getName();

    /** The tables' columns that are not text (V3_1__read_models.sql), for the {@code unnest} writes. */
    private static final Map<String, String> MATCH_TYPES = Map.of("round", "integer", "player_count", "integer",
            "created_at", "timestamptz", "starts_at", "timestamptz", "started_at", "timestamptz", "period_ends_at", "timestamptz",
            "ended_at", "timestamptz", "finalised", "boolean");
    private static final Map<String, String> PLAYER_TYPES = Map.ofEntries(Map.entry("seat", "integer"),
            Map.entry("created_at", "timestamptz"), Map.entry("rating_at_start", "integer"), Map.entry("forfeited", "boolean"),
            Map.entry("eliminated_round", "integer"), Map.entry("place", "integer"), Map.entry("score", "integer"),
            Map.entry("decisive_at", "timestamptz"), Map.entry("rating_before", "integer"), Map.entry("rating_after", "integer"),
            Map.entry("overall_before", "integer"), Map.entry("overall_after", "integer"));
    private static final Map<String, String> PROBLEM_TYPES = Map.of("position", "integer", "version", "bigint",
            "difficulty", "integer", "points", "integer", "locked_at", "timestamptz");
    private static final Map<String, String> SUBMISSION_TYPES = Map.of("source_bytes", "integer", "received_at", "timestamptz",
            "tests_passed", "integer", "test_count", "integer", "judged_at", "timestamptz");

    private final JdbcTemplate jdbc;

    MatchProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MatchCreated event) {
        Batch batch = batch();
        String match = event.matchId().value();
        Map<String, Object> row = new HashMap<>();
        row.put("match_id", match);
        row.put("mode", event.mode());
        row.put("phase", MatchPhase.SCHEDULED);
        row.put("round", 0);
        row.put("player_count", event.players().size());
        row.put("created_at", event.createdAt());
        row.put("starts_at", event.startsAt());
        row.put("finalised", false);
        batch.matches.insert(row);
        Roster roster = new Roster(event.mode().name(), Timestamp.from(event.createdAt()));
        batch.rosters.put(match, roster);
        Map<String, Integer> seats = roster.seats;
        for (MatchPlayer player : event.players()) {
            seatPlayer(batch, match, seats, player, event.mode(), event.createdAt());
        }
        int position = 0;
        for (MatchProblem problem : event.problems()) {
            batch.problems.insert(Map.of("match_id", match, "position", position++, "problem_id", problem.problemId().value(),
                    "version", problem.version(), "title", problem.title(), "difficulty", problem.difficulty(),
                    "points", problem.points()));
        }
    }

    /**
     * A player joining before the start takes the next seat: one after the highest seat on the roster, so
     * seats keep the order players came in. It is computed from the roster alone (not from how events were
     * split into batches), so a rebuild gives the same seats.
     */
    @EventHandler
    void on(PlayerJoined event) {
        Batch batch = batch();
        String match = event.matchId().value();
        Roster roster = roster(batch, match);
        Map<String, Integer> seats = roster.seats;
        if (seats.containsKey(event.player().playerId().value())) {
            return; // the aggregate refuses a second join; nothing to add if one is recorded anyway
        }
        if (roster.mode == null) {
            throw new EmptyResultDataAccessException("no match " + match + " for " + event, 1);
        }
        seatPlayer(batch, match, seats, event.player(), roster.mode, roster.createdAt);
        batch.matches.set(key(match), "player_count", seats.size());
    }

    /** A player who left before the start is off the roster: no row, not counted, never ranked or rated. */
    @EventHandler
    void on(PlayerLeft event) {
        Batch batch = batch();
        String match = event.matchId().value();
        Map<String, Integer> seats = roster(batch, match).seats;
        if (seats.remove(event.playerId().value()) != null) {
            batch.players.delete(key(match, event.playerId().value()));
            batch.matches.set(key(match), "player_count", seats.size());
        }
    }

    @EventHandler
    void on(MatchStarted event) {
        List<Object> match = key(event.matchId().value());
        RowBatch matches = batch().matches;
        matches.set(match, "phase", event.phase());
        matches.set(match, "round", 1);
        matches.set(match, "started_at", event.startedAt());
        matches.set(match, "period_ends_at", event.endsAt());
    }

    @EventHandler
    void on(RoundStarted event) {
        List<Object> match = key(event.matchId().value());
        RowBatch matches = batch().matches;
        matches.set(match, "phase", MatchPhase.ROUND);
        matches.set(match, "round", event.round());
        matches.set(match, "period_ends_at", event.endsAt());
    }

    @EventHandler
    void on(TimeUp event) {
        List<Object> match = key(event.matchId().value());
        batch().matches.set(match, "phase", MatchPhase.CLOSING);
        batch().matches.set(match, "period_ends_at", event.graceEndsAt());
    }

    @EventHandler
    void on(RepairPhaseStarted event) {
        List<Object> match = key(event.matchId().value());
        RowBatch matches = batch().matches;
        matches.set(match, "phase", MatchPhase.REPAIR);
        matches.set(match, "round", 2);
        matches.set(match, "period_ends_at", event.endsAt());
    }

    @EventHandler
    void on(SubmissionReceived event) {
        Map<String, Object> row = new HashMap<>();
        row.put("match_id", event.matchId().value());
        row.put("submission_id", event.submissionId().value());
        row.put("player_id", event.playerId().value());
        row.put("problem_id", event.problemId().value());
        row.put("kind", event.kind());
        row.put("language", event.language());
        row.put("source", event.source());
        row.put("source_bytes", event.sourceBytes());
        row.put("received_at", event.receivedAt());
        row.put("status", "PENDING");
        batch().submissions.insert(row);
    }

    @EventHandler
    void on(SubmissionRefused event) {
        Map<String, Object> row = new HashMap<>();
        row.put("match_id", event.matchId().value());
        row.put("submission_id", event.submissionId().value());
        row.put("player_id", event.playerId().value());
        row.put("problem_id", event.problemId() == null ? null : event.problemId().value());
        row.put("kind", SubmissionKind.SOLUTION);
        row.put("received_at", event.refusedAt());
        row.put("status", "REFUSED");
        row.put("refusal", event.reason());
        row.put("refusal_detail", event.detail());
        batch().submissions.insert(row);
    }

    @EventHandler
    void on(SubmissionJudged event) {
        List<Object> submission = key(event.matchId().value(), event.submissionId().value());
        RowBatch submissions = batch().submissions;
        submissions.set(submission, "status", "JUDGED");
        submissions.set(submission, "verdict", event.verdict());
        submissions.set(submission, "tests_passed", event.testsPassed());
        submissions.set(submission, "test_count", event.testCount());
        submissions.set(submission, "message", event.message());
        submissions.set(submission, "judged_at", event.judgedAt());
    }

    /**
     * A sabotage refused after judging belongs to a received submission; one refused at once (edit
     * budget) was never received. Which one it is is only known to the database when the submission
     * arrived in an earlier batch, hence an upsert.
     */
    @EventHandler
    void on(SabotageRefused event) {
        Batch batch = batch();
        List<Object> submission = key(event.matchId().value(), event.submissionId().value());
        if (batch.submissions.isInserted(submission)) {
            batch.submissions.set(submission, "refusal", event.reason());
            batch.submissions.set(submission, "refusal_detail", event.detail());
            return;
        }
        batch.sabotageRefusals.add(new Object[]{event.matchId().value(), event.submissionId().value(),
                event.playerId().value(), ts(event.refusedAt()), event.reason().name(), event.detail()});
    }

    @EventHandler
    void on(ProblemLocked event) {
        List<Object> problem = key(event.matchId().value(), event.problemId().value());
        batch().problems.set(problem, "locked_by", event.playerId().value());
        batch().problems.set(problem, "locked_at", event.lockedAt());
    }

    @EventHandler
    void on(PlayerForfeited event) {
        batch().players.set(key(event.matchId().value(), event.playerId().value()), "forfeited", true);
    }

    @EventHandler
    void on(PlayerEliminated event) {
        batch().players.set(key(event.matchId().value(), event.playerId().value()), "eliminated_round", event.round());
    }

    @EventHandler
    void on(MatchEnded event) {
        Batch batch = batch();
        String match = event.matchId().value();
        batch.matches.set(key(match), "phase", MatchPhase.ENDED);
        batch.matches.set(key(match), "ended_at", event.endedAt());
        batch.matches.set(key(match), "end_reason", event.reason());
        batch.matches.set(key(match), "period_ends_at", null);
        for (Standing standing : event.standings()) {
            List<Object> player = key(match, standing.playerId().value());
            batch.players.set(player, "place", standing.place());
            batch.players.set(player, "score", standing.score());
            batch.players.set(player, "decisive_at", standing.decisiveAt());
            batch.players.set(player, "forfeited", standing.forfeited());
        }
        for (RatingChange change : event.ratingChanges()) {
            List<Object> player = key(match, change.playerId().value());
            batch.players.set(player, "rating_before", change.before());
            batch.players.set(player, "rating_after", change.after());
            batch.players.set(player, "overall_before", change.overallBefore());
            batch.players.set(player, "overall_after", change.overallAfter());
        }
    }

    @EventHandler
    void on(MatchCancelled event) {
        List<Object> match = key(event.matchId().value());
        RowBatch matches = batch().matches;
        matches.set(match, "phase", MatchPhase.CANCELLED);
        matches.set(match, "ended_at", event.cancelledAt());
        matches.set(match, "cancelled_reason", event.reason());
        matches.set(match, "period_ends_at", null);
    }

    @EventHandler
    void on(MatchFinalised event) {
        batch().matches.set(key(event.matchId().value()), "finalised", true);
    }

    private static void seatPlayer(Batch batch, String match, Map<String, Integer> seats, MatchPlayer player, Object mode,
                                   Object createdAt) {
        int seat = seats.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        seats.put(player.playerId().value(), seat);
        batch.players.insert(Map.of("match_id", match, "player_id", player.playerId().value(), "seat", seat,
                "handle", player.handle(), "mode", mode, "created_at", createdAt,
                "rating_at_start", player.rating(), "forfeited", false));
    }

    /**
     * The match's roster as this batch leaves it, with the match's mode and creation time its players' rows carry: from
     * this batch if it created or changed the match, else read from the tables in one query (once per batch).
     */
    private Roster roster(Batch batch, String match) {
        return batch.rosters.computeIfAbsent(match, m -> {
            Roster[] found = {new Roster(null, null)};
            jdbc.query("""
                    SELECT m.mode, m.created_at, p.player_id, p.seat FROM qs_match m
                    LEFT JOIN qs_match_player p ON p.match_id = m.match_id
                    WHERE m.match_id = ? ORDER BY p.seat""", rs -> {
                if (found[0].mode == null) {
                    found[0] = new Roster(rs.getString(1), rs.getTimestamp(2));
                }
                if (rs.getString(3) != null) {
                    found[0].seats.put(rs.getString(3), rs.getInt(4));
                }
            }, m);
            return found[0];
        });
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE qs_match, qs_match_player, qs_match_problem, qs_submission");
    }

    private Batch batch() {
        return UnitOfWorkBatch.current(BATCH, Batch::new, this::flush);
    }

    /**
     * Writes the batch: each table's new rows with one {@code COPY} ({@link RowBatch#flushInsertsByCopy}), and its
     * changed rows grouped by the columns they change with one {@code UPDATE ... FROM unnest(arrays)} per group
     * ({@link RowBatch#flushUpdatesAsArrays}), instead of JDBC batches of one statement per row, which PostgreSQL
     * parses, plans and executes row by row.
     */
    private void flush(Batch batch) {
        batch.players.flushDeletes(jdbc);
        batch.matches.flushInsertsByCopy(jdbc);
        batch.players.flushInsertsByCopy(jdbc);
        batch.problems.flushInsertsByCopy(jdbc);
        batch.submissions.flushInsertsByCopy(jdbc);
        if (!batch.sabotageRefusals.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO qs_submission (match_id, submission_id, player_id, kind, received_at, status, refusal, refusal_detail)
                    VALUES (?, ?, ?, 'SABOTAGE_VALIDATION', ?, 'REFUSED', ?, ?)
                    ON CONFLICT (match_id, submission_id) DO UPDATE
                    SET refusal = excluded.refusal, refusal_detail = excluded.refusal_detail""", batch.sabotageRefusals);
        }
        batch.matches.flushUpdatesAsArrays(jdbc, MATCH_TYPES);
        batch.players.flushUpdatesAsArrays(jdbc, PLAYER_TYPES);
        batch.problems.flushUpdatesAsArrays(jdbc, PROBLEM_TYPES);
        batch.submissions.flushUpdatesAsArrays(jdbc, SUBMISSION_TYPES);
    }

    private static final class Batch {
        final RowBatch matches = new RowBatch("qs_match", "match_id");
        final RowBatch players = new RowBatch("qs_match_player", "match_id", "player_id");
        final RowBatch problems = new RowBatch("qs_match_problem", "match_id", "problem_id");
        final RowBatch submissions = new RowBatch("qs_submission", "match_id", "submission_id");
        final List<Object[]> sabotageRefusals = new ArrayList<>();
        /** Per match created, joined or left in this batch: its roster. */
        final Map<String, Roster> rosters = new HashMap<>();
    }

    /** A match's players (player id to seat, in seat order), and its mode and creation time; mode null: no such match. */
    private static final class Roster {
        final String mode;
        final Timestamp createdAt;
        final Map<String, Integer> seats = new LinkedHashMap<>();

        Roster(String mode, Timestamp createdAt) {
            this.mode = mode;
            this.createdAt = createdAt;
        }
    }
}
