package dev.codearena.query.fairplay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.fairplay.FairPlayFlag;
import dev.codearena.api.fairplay.FairPlayFlagDetail;
import dev.codearena.api.fairplay.FlagKind;
import dev.codearena.api.fairplay.FlagPlayer;
import dev.codearena.api.fairplay.FlagReview;
import dev.codearena.api.fairplay.FlagStatus;
import dev.codearena.api.fairplay.FlagSubmission;
import dev.codearena.api.fairplay.ReviewFlagRequest;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.query.ResultPage;
import dev.codearena.query.read.Paging;
import dev.codearena.query.read.ReadModelGuard;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Admins' side of the fair-play read model, through R2DBC: flags paged and filtered, one flag with its
 * evidence and the code of the submissions it points at, and reviews. A flag's status is its latest
 * review in {@code qs_fp_review} (OPEN without one); reviews are not part of the rebuildable tables.
 */
@Service
public class FairPlayQueries {

    static final int MAX_NOTE = 2000;
    private static final String FLAG_COLUMNS = """
            SELECT f.flag_id, f.kind, f.players::text AS players, f.match_ids::text AS match_ids, f.score, f.summary,
                   f.created_at, f.updated_at, r.decision, r.reviewer, r.note, r.reviewed_at
            FROM qs_fp_flag f
            LEFT JOIN LATERAL (SELECT decision, reviewer, note, reviewed_at FROM qs_fp_review
                               WHERE flag_id = f.flag_id ORDER BY review_id DESC LIMIT 1) r ON TRUE
            """;

    private final DatabaseClient db;
    private final ReadModelGuard guard;
    private final ObjectMapper json;
    private final Clock clock;

    public FairPlayQueries(DatabaseClient db, ReadModelGuard guard, ObjectMapper json, java.util.Optional<Clock> clock) {
        this.db = db;
        this.guard = guard;
        this.json = json;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /** Flags, most recently updated first, optionally only of one status and/or kind. */
    public Mono<ResultPage<FairPlayFlag>> flags(String status, String kind, int page, int size) {
        Paging.check(page, size);
        FlagStatus wantedStatus = parse(FlagStatus.class, "status", status);
        FlagKind wantedKind = parse(FlagKind.class, "kind", kind);
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (wantedKind != null) {
            where.append(" AND f.kind = :kind");
        }
        if (wantedStatus != null) {
            where.append(" AND coalesce(r.decision, 'OPEN') = :status");
        }
        DatabaseClient.GenericExecuteSpec items = db.sql(FLAG_COLUMNS + where + " ORDER BY f.updated_at DESC, f.flag_id LIMIT :limit OFFSET :offset")
                .bind("limit", size).bind("offset", (long) page * size);
        DatabaseClient.GenericExecuteSpec total = db.sql("SELECT count(*) FROM (" + FLAG_COLUMNS + where + ") counted");
        if (wantedKind != null) {
            items = items.bind("kind", wantedKind.name());
            total = total.bind("kind", wantedKind.name());
        }
        if (wantedStatus != null) {
            items = items.bind("status", wantedStatus.name());
            total = total.bind("status", wantedStatus.name());
        }
        Mono<List<FairPlayFlag>> rows = items.map(this::flag).all().collectList();
        Mono<Long> count = total.map(row -> row.get(0, Long.class)).one();
        return guard.reading(ReadModelGuard.FAIR_PLAY, Mono.zip(rows, count).map(t -> new ResultPage<>(t.getT1(), page, size, t.getT2())));
    }

    /** One flag with its evidence, the submissions it names (with their code: admins only) and every review. */
    public Mono<FairPlayFlagDetail> flag(String flagId) {
        String id = Paging.id("flagId", flagId);
        Mono<FairPlayFlagDetail> detail = db.sql(FLAG_COLUMNS + " WHERE f.flag_id = :id").bind("id", id)
                .map(row -> Map.entry(flag(row), "")).one()
                .zipWith(db.sql("SELECT evidence::text FROM qs_fp_flag WHERE flag_id = :id").bind("id", id)
                        .map(row -> row.get(0, String.class)).one())
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(t -> {
                    Map<String, Object> evidence = read(t.getT2(), new TypeReference<Map<String, Object>>() { });
                    List<Map<?, ?>> refs = evidence.get("submissions") instanceof List<?> list
                            ? list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(m -> (Map<?, ?>) m).toList() : List.of();
                    return Mono.zip(submissions(refs), reviews(id))
                            .map(z -> new FairPlayFlagDetail(t.getT1().getKey(), evidence, z.getT1(), z.getT2()));
                });
        return guard.reading(ReadModelGuard.FAIR_PLAY, detail);
    }

    /** Records an admin's decision (append-only) and answers the flag as it now stands. */
    public Mono<FairPlayFlag> review(String flagId, ReviewFlagRequest request, String reviewer) {
        String id = Paging.id("flagId", flagId);
        if (request == null || request.decision() == null) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "decision must be one of " + Arrays.toString(FlagStatus.values()));
        }
        String note = request.note() == null ? null : request.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "note must be at most " + MAX_NOTE + " characters");
        }
        String who = reviewer == null || reviewer.isBlank() ? "admin" : reviewer.length() > 100 ? reviewer.substring(0, 100) : reviewer;
        Mono<FairPlayFlag> reviewed = db.sql("SELECT count(*) FROM qs_fp_flag WHERE flag_id = :id").bind("id", id)
                .map(row -> row.get(0, Long.class)).one()
                .flatMap(n -> n == 0 ? Mono.error(notFound(id)) : db.sql("""
                                INSERT INTO qs_fp_review (flag_id, decision, reviewer, note, reviewed_at)
                                VALUES (:id, :decision, :reviewer, :note, :at)""")
                        .bind("id", id).bind("decision", request.decision().name()).bind("reviewer", who)
                        .bind("note", note == null || note.isEmpty() ? "" : note).bind("at", Instant.now(clock))
                        .fetch().rowsUpdated())
                .then(db.sql(FLAG_COLUMNS + " WHERE f.flag_id = :id").bind("id", id).map(this::flag).one());
        return guard.reading(ReadModelGuard.FAIR_PLAY, reviewed);
    }

    /** The submissions an evidence names ({@code [{matchId, submissionId}]}), in the order they were received. */
    private Mono<List<FlagSubmission>> submissions(List<Map<?, ?>> refs) {
        if (refs.isEmpty()) {
            return Mono.just(List.of());
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < refs.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("(match_id = :m").append(i).append(" AND submission_id = :s").append(i).append(')');
        }
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT * FROM qs_fp_submission WHERE " + where
                + " ORDER BY received_at, match_id, submission_id");
        for (int i = 0; i < refs.size(); i++) {
            query = query.bind("m" + i, String.valueOf(refs.get(i).get("matchId"))).bind("s" + i, String.valueOf(refs.get(i).get("submissionId")));
        }
        return query
                .map(row -> new FlagSubmission(row.get("submission_id", String.class), row.get("match_id", String.class),
                        row.get("player_id", String.class), row.get("problem_id", String.class), row.get("language", String.class),
                        row.get("source_bytes", Integer.class), row.get("received_at", Instant.class), row.get("verdict", String.class),
                        row.get("source", String.class)))
                .all().collectList();
    }

    private Mono<List<FlagReview>> reviews(String id) {
        return db.sql("SELECT decision, reviewer, note, reviewed_at FROM qs_fp_review WHERE flag_id = :id ORDER BY review_id")
                .bind("id", id)
                .map(row -> new FlagReview(FlagStatus.valueOf(row.get("decision", String.class)), row.get("reviewer", String.class),
                        row.get("note", String.class), row.get("reviewed_at", Instant.class)))
                .all().collectList();
    }

    private FairPlayFlag flag(Readable row) {
        String decision = row.get("decision", String.class);
        List<Map<String, String>> players = read(row.get("players", String.class), new TypeReference<List<Map<String, String>>>() { });
        return new FairPlayFlag(row.get("flag_id", String.class), FlagKind.valueOf(row.get("kind", String.class)),
                decision == null ? FlagStatus.OPEN : FlagStatus.valueOf(decision),
                players.stream().map(p -> new FlagPlayer(PlayerId.of(p.get("playerId")), p.get("handle"))).toList(),
                read(row.get("match_ids", String.class), new TypeReference<List<String>>() { }),
                row.get("score", Double.class), row.get("summary", String.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class), row.get("reviewer", String.class), row.get("note", String.class),
                row.get("reviewed_at", Instant.class));
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fair-play JSON column", e);
        }
    }

    private static CodeArenaException notFound(String id) {
        return CodeArenaException.notFound(ErrorCode.FAIR_PLAY_FLAG_NOT_FOUND, "no fair-play flag " + id);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED,
                    what + " must be one of " + Arrays.toString(type.getEnumConstants()) + " (was " + value + ")");
        }
    }
}
