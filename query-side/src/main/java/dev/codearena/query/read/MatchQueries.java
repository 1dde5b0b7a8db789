package dev.codearena.query.read;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.query.MatchDetail;
import dev.codearena.api.query.MatchPlayerResult;
import dev.codearena.api.query.MatchProblemView;
import dev.codearena.api.query.MatchSummary;
import dev.codearena.api.query.ResultPage;
import dev.codearena.api.query.SubmissionView;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The live-match list and match detail, read through R2DBC. Source code only once the match is over. */
@Service
public class MatchQueries {

    private final DatabaseClient db;
    private final ReadModelGuard guard;

    public MatchQueries(DatabaseClient db, ReadModelGuard guard) {
        this.db = db;
        this.guard = guard;
    }

    public Mono<ResultPage<MatchSummary>> live(int page, int size) {
        Paging.check(page, size);
        Mono<Long> total = db.sql("SELECT count(*) FROM qs_match WHERE phase NOT IN ('ENDED', 'CANCELLED')")
                .map(row -> row.get(0, Long.class)).one();
        Mono<List<MatchSummary>> items = db.sql("""
                SELECT match_id, mode, phase, player_count, created_at, started_at, period_ends_at, ended_at, end_reason
                FROM qs_match WHERE phase NOT IN ('ENDED', 'CANCELLED')
                ORDER BY created_at DESC, match_id LIMIT :limit OFFSET :offset""")
                .bind("limit", size).bind("offset", (long) page * size)
                .map(row -> PlayerQueries.summary(row, null, null, null)).all().collectList();
        return guard.reading(ReadModelGuard.MATCHES, Mono.zip(items, total).map(t -> new ResultPage<>(t.getT1(), page, size, t.getT2())));
    }

    public Mono<MatchDetail> detail(String matchId) {
        String id = Paging.id("matchId", matchId);
        Mono<MatchDetail> detail = db.sql("SELECT * FROM qs_match WHERE match_id = :id").bind("id", id)
                .map(row -> new Head(row.get("mode", String.class), row.get("phase", String.class), row.get("round", Integer.class),
                        row.get("created_at", Instant.class), row.get("starts_at", Instant.class), row.get("started_at", Instant.class),
                        row.get("period_ends_at", Instant.class), row.get("ended_at", Instant.class),
                        row.get("end_reason", String.class), row.get("cancelled_reason", String.class),
                        Boolean.TRUE.equals(row.get("finalised", Boolean.class))))
                .one()
                .switchIfEmpty(Mono.error(() -> CodeArenaException.notFound(ErrorCode.MATCH_NOT_FOUND, "no match " + id)))
                .flatMap(head -> {
                    MatchPhase phase = MatchPhase.valueOf(head.phase);
                    boolean codeVisible = phase == MatchPhase.ENDED || phase == MatchPhase.CANCELLED;
                    return Mono.zip(players(id), problems(id), submissions(id, codeVisible)).map(t -> new MatchDetail(
                            MatchId.of(id), MatchMode.valueOf(head.mode), phase, head.round, head.createdAt, head.startsAt,
                            head.startedAt, head.periodEndsAt, head.endedAt,
                            head.endReason == null ? null : EndReason.valueOf(head.endReason), head.cancelledReason,
                            head.finalised, codeVisible, t.getT1(), t.getT2(), t.getT3()));
                });
        return guard.reading(ReadModelGuard.MATCHES, detail);
    }

    private Mono<List<MatchPlayerResult>> players(String id) {
        return db.sql("SELECT * FROM qs_match_player WHERE match_id = :id ORDER BY seat").bind("id", id)
                .map(row -> new MatchPlayerResult(PlayerId.of(row.get("player_id", String.class)), row.get("handle", String.class),
                        row.get("seat", Integer.class), row.get("rating_at_start", Integer.class),
                        Boolean.TRUE.equals(row.get("forfeited", Boolean.class)), row.get("eliminated_round", Integer.class),
                        row.get("place", Integer.class), row.get("score", Integer.class), row.get("decisive_at", Instant.class),
                        row.get("rating_before", Integer.class), row.get("rating_after", Integer.class),
                        row.get("overall_before", Integer.class), row.get("overall_after", Integer.class)))
                .all().collectList();
    }

    private Mono<List<MatchProblemView>> problems(String id) {
        return db.sql("SELECT * FROM qs_match_problem WHERE match_id = :id ORDER BY position").bind("id", id)
                .map(row -> {
                    String lockedBy = row.get("locked_by", String.class);
                    return new MatchProblemView(ProblemId.of(row.get("problem_id", String.class)), row.get("position", Integer.class),
                            row.get("version", Long.class), row.get("title", String.class), row.get("difficulty", Integer.class),
                            row.get("points", Integer.class), lockedBy == null ? null : PlayerId.of(lockedBy),
                            row.get("locked_at", Instant.class));
                })
                .all().collectList();
    }

    private Mono<List<SubmissionView>> submissions(String id, boolean codeVisible) {
        // The source column is not even read before the end, so no code path can leak it.
        String columns = codeVisible ? "*" : "match_id, submission_id, player_id, problem_id, kind, language, source_bytes, "
                + "received_at, status, verdict, tests_passed, test_count, message, judged_at, refusal, refusal_detail";
        return db.sql("SELECT " + columns + " FROM qs_submission WHERE match_id = :id ORDER BY received_at, submission_id")
                .bind("id", id)
                .map(row -> {
                    String problem = row.get("problem_id", String.class);
                    return new SubmissionView(SubmissionId.of(row.get("submission_id", String.class)),
                            PlayerId.of(row.get("player_id", String.class)), problem == null ? null : ProblemId.of(problem),
                            row.get("kind", String.class), row.get("language", String.class), row.get("status", String.class),
                            row.get("verdict", String.class), row.get("tests_passed", Integer.class),
                            row.get("test_count", Integer.class), row.get("message", String.class),
                            row.get("source_bytes", Integer.class), row.get("received_at", Instant.class),
                            row.get("judged_at", Instant.class), row.get("refusal", String.class),
                            row.get("refusal_detail", String.class), codeVisible ? row.get("source", String.class) : null);
                })
                .all().collectList();
    }

    private record Head(String mode, String phase, int round, Instant createdAt, Instant startsAt, Instant startedAt,
                        Instant periodEndsAt, Instant endedAt, String endReason, String cancelledReason, boolean finalised) {
    }
}
