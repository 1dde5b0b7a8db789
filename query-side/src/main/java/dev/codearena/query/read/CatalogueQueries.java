package dev.codearena.query.read;

import dev.codearena.api.clan.ClanId;
import dev.codearena.api.clan.ClanRole;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.query.ClanMemberView;
import dev.codearena.api.query.ClanView;
import dev.codearena.api.query.ProblemSummary;
import dev.codearena.api.query.ProblemView;
import dev.codearena.api.query.ResultPage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Clan pages and the problem catalogue, read through R2DBC. */
@Service
public class CatalogueQueries {

    private final DatabaseClient db;
    private final ReadModelGuard guard;

    public CatalogueQueries(DatabaseClient db, ReadModelGuard guard) {
        this.db = db;
        this.guard = guard;
    }

    public Mono<ClanView> clan(String clanId) {
        String id = Paging.id("clanId", clanId);
        Mono<List<ClanMemberView>> members = db.sql("""
                SELECT m.player_id, p.handle, m.role, m.joined_at, r.rating
                FROM qs_clan_member m
                LEFT JOIN qs_player p ON p.player_id = m.player_id
                LEFT JOIN qs_player_rating r ON r.player_id = m.player_id AND r.board = 'OVERALL'
                WHERE m.clan_id = :id
                ORDER BY CASE m.role WHEN 'LEADER' THEN 0 WHEN 'OFFICER' THEN 1 ELSE 2 END, r.rating DESC NULLS LAST, m.player_id""")
                .bind("id", id)
                .map(row -> new ClanMemberView(PlayerId.of(row.get("player_id", String.class)), row.get("handle", String.class),
                        ClanRole.valueOf(row.get("role", String.class)), row.get("joined_at", Instant.class),
                        row.get("rating", Integer.class)))
                .all().collectList();
        Mono<ClanView> clan = db.sql("SELECT * FROM qs_clan WHERE clan_id = :id").bind("id", id)
                .map(row -> new ClanView(ClanId.of(id), row.get("name", String.class), row.get("tag", String.class),
                        PlayerId.of(row.get("leader_id", String.class)), row.get("created_at", Instant.class),
                        row.get("disbanded_at", Instant.class), List.of()))
                .one()
                .switchIfEmpty(Mono.error(() -> CodeArenaException.notFound(ErrorCode.CLAN_NOT_FOUND, "no clan " + id)))
                .zipWith(members, (c, m) -> new ClanView(c.clanId(), c.name(), c.tag(), c.leaderId(), c.createdAt(), c.disbandedAt(), m));
        return guard.reading(ReadModelGuard.CLANS, clan);
    }

    public Mono<ResultPage<ProblemSummary>> problems(int page, int size) {
        Paging.check(page, size);
        Mono<Long> total = db.sql("SELECT count(*) FROM qs_problem").map(row -> row.get(0, Long.class)).one();
        Mono<List<ProblemSummary>> items = db.sql("""
                SELECT problem_id, version, title, difficulty, tags, modes, retired FROM qs_problem
                ORDER BY difficulty, problem_id LIMIT :limit OFFSET :offset""")
                .bind("limit", size).bind("offset", (long) page * size)
                .map(row -> new ProblemSummary(ProblemId.of(row.get("problem_id", String.class)), row.get("version", Long.class),
                        row.get("title", String.class), row.get("difficulty", Integer.class), split(row.get("tags", String.class)),
                        split(row.get("modes", String.class)), Boolean.TRUE.equals(row.get("retired", Boolean.class))))
                .all().collectList();
        return guard.reading(ReadModelGuard.PROBLEMS, Mono.zip(items, total).map(t -> new ResultPage<>(t.getT1(), page, size, t.getT2())));
    }

    public Mono<ProblemView> problem(String problemId) {
        String id = Paging.id("problemId", problemId);
        Mono<ProblemView> problem = db.sql("SELECT * FROM qs_problem WHERE problem_id = :id").bind("id", id)
                .map(row -> new ProblemView(ProblemId.of(id), row.get("version", Long.class), row.get("title", String.class),
                        row.get("difficulty", Integer.class), split(row.get("tags", String.class)),
                        split(row.get("modes", String.class)), row.get("time_limit_ms", Long.class),
                        row.get("memory_mb", Integer.class), row.get("test_count", Integer.class),
                        row.get("statement", String.class), Boolean.TRUE.equals(row.get("retired", Boolean.class)),
                        row.get("retired_reason", String.class), row.get("published_at", Instant.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> CodeArenaException.notFound(ErrorCode.PROBLEM_NOT_FOUND, "no problem " + id)));
        return guard.reading(ReadModelGuard.PROBLEMS, problem);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
