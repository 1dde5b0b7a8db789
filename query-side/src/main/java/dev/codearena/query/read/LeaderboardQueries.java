package dev.codearena.query.read;

import dev.codearena.api.clan.ClanId;
import dev.codearena.api.query.ClanStanding;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.query.LeaderboardEntry;
import dev.codearena.api.query.PlayerRank;
import dev.codearena.api.query.ResultPage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Leaderboards read through R2DBC from {@code qs_player_rating}: overall and per mode (a mode board lists the players with at
 * least one rated game in it; OVERALL everyone), and per clan (its members on a board).
 */
@Service
public class LeaderboardQueries {

    private static final String ENTRY = """
            SELECT (SELECT count(*) FROM qs_player_rating h WHERE h.board = r.board AND h.rating > r.rating) + 1 AS rank,
                   r.player_id, p.handle, r.rating, r.games
            """;

    private final DatabaseClient db;
    private final ReadModelGuard guard;

    public LeaderboardQueries(DatabaseClient db, ReadModelGuard guard) {
        this.db = db;
        this.guard = guard;
    }

    public Mono<ResultPage<LeaderboardEntry>> board(String board, int page, int size) {
        Paging.check(page, size);
        String b = Paging.board(board);
        Mono<Long> total = db.sql("SELECT count(*) FROM qs_player_rating WHERE board = :board")
                .bind("board", b).map(row -> row.get(0, Long.class)).one();
        Mono<java.util.List<LeaderboardEntry>> items = db.sql(ENTRY + """
                FROM qs_player_rating r JOIN qs_player p ON p.player_id = r.player_id
                WHERE r.board = :board
                ORDER BY r.rating DESC, r.player_id
                LIMIT :limit OFFSET :offset""")
                .bind("board", b).bind("limit", size).bind("offset", (long) page * size)
                .map((row, meta) -> entry(row)).all().collectList();
        return guard.reading(ReadModelGuard.PLAYERS, Mono.zip(items, total).map(t -> new ResultPage<>(t.getT1(), page, size, t.getT2())));
    }

    public Mono<ResultPage<LeaderboardEntry>> clan(String clanId, String board, int page, int size) {
        Paging.check(page, size);
        String b = Paging.board(board);
        String clan = Paging.id("clanId", clanId);
        Mono<Long> total = db.sql("""
                SELECT count(*) FROM qs_clan_member m JOIN qs_player_rating r ON r.player_id = m.player_id AND r.board = :board
                WHERE m.clan_id = :clan""").bind("board", b).bind("clan", clan).map(row -> row.get(0, Long.class)).one();
        Mono<Boolean> exists = db.sql("SELECT 1 FROM qs_clan WHERE clan_id = :clan").bind("clan", clan)
                .map(row -> true).one().defaultIfEmpty(false);
        Mono<java.util.List<LeaderboardEntry>> items = db.sql("""
                SELECT (SELECT count(*) FROM qs_clan_member hm JOIN qs_player_rating h ON h.player_id = hm.player_id
                        AND h.board = r.board WHERE hm.clan_id = m.clan_id AND h.rating > r.rating) + 1 AS rank,
                       r.player_id, p.handle, r.rating, r.games
                FROM qs_clan_member m
                JOIN qs_player_rating r ON r.player_id = m.player_id AND r.board = :board
                JOIN qs_player p ON p.player_id = m.player_id
                WHERE m.clan_id = :clan
                ORDER BY r.rating DESC, r.player_id
                LIMIT :limit OFFSET :offset""")
                .bind("board", b).bind("clan", clan).bind("limit", size).bind("offset", (long) page * size)
                .map((row, meta) -> entry(row)).all().collectList();
        Mono<ResultPage<LeaderboardEntry>> result = exists.flatMap(found -> found
                ? Mono.zip(items, total).map(t -> new ResultPage<>(t.getT1(), page, size, t.getT2()))
                : Mono.error(CodeArenaException.notFound(ErrorCode.CLAN_NOT_FOUND, "no clan " + new ClanId(clan))));
        return guard.reading(ReadModelGuard.CLANS, guard.reading(ReadModelGuard.PLAYERS, result));
    }

    /**
     * Active clans ranked by their members' mean rating on {@code board}; {@code search} (may be empty)
     * keeps clans whose name or tag contains it, ignoring case, without changing their ranks.
     */
    public Mono<ResultPage<ClanStanding>> clans(String search, String board, int page, int size) {
        Paging.check(page, size);
        String b = Paging.board(board);
        String needle = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
        if (needle.length() > 32) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "search: at most 32 characters");
        }
        Mono<java.util.List<Object[]>> rows = db.sql("""
                WITH standing AS (
                    SELECT c.clan_id, c.name, c.tag, count(m.player_id) AS members, round(avg(r.rating)) AS rating
                    FROM qs_clan c
                    LEFT JOIN qs_clan_member m ON m.clan_id = c.clan_id
                    LEFT JOIN qs_player_rating r ON r.player_id = m.player_id AND r.board = :board
                    WHERE c.disbanded_at IS NULL
                    GROUP BY c.clan_id, c.name, c.tag),
                ranked AS (
                    SELECT rank() OVER (ORDER BY rating DESC NULLS LAST) AS rank, * FROM standing)
                SELECT rank, clan_id, name, tag, members, rating, count(*) OVER () AS total FROM ranked
                WHERE :search = '' OR position(:search IN lower(name)) > 0 OR position(:search IN lower(tag)) > 0
                ORDER BY rank, name, clan_id
                LIMIT :limit OFFSET :offset""")
                .bind("board", b).bind("search", needle).bind("limit", size).bind("offset", (long) page * size)
                .map((row, meta) -> new Object[] {new ClanStanding(row.get("rank", Long.class).intValue(),
                        ClanId.of(row.get("clan_id", String.class)), row.get("name", String.class), row.get("tag", String.class),
                        row.get("members", Long.class).intValue(),
                        row.get("rating", java.math.BigDecimal.class) == null ? null : row.get("rating", java.math.BigDecimal.class).intValue()),
                        row.get("total", Long.class)})
                .all().collectList();
        Mono<ResultPage<ClanStanding>> result = rows.map(list -> new ResultPage<>(
                list.stream().map(r -> (ClanStanding) r[0]).toList(), page, size, list.isEmpty() ? 0 : (Long) list.get(0)[1]));
        return guard.reading(ReadModelGuard.CLANS, guard.reading(ReadModelGuard.PLAYERS, result));
    }

    public Mono<PlayerRank> rank(String board, String playerId) {
        String b = Paging.board(board);
        String player = Paging.id("playerId", playerId);
        Mono<PlayerRank> rank = db.sql("""
                SELECT (SELECT count(*) FROM qs_player_rating h WHERE h.board = r.board AND h.rating > r.rating) + 1 AS rank,
                       (SELECT count(*) FROM qs_player_rating a WHERE a.board = r.board) AS ranked,
                       r.player_id, p.handle, r.rating, r.games
                FROM qs_player_rating r JOIN qs_player p ON p.player_id = r.player_id
                WHERE r.board = :board AND r.player_id = :player""")
                .bind("board", b).bind("player", player)
                .map(row -> new PlayerRank(b, PlayerId.of(row.get("player_id", String.class)), row.get("handle", String.class),
                        row.get("rank", Long.class).intValue(), row.get("rating", Integer.class), row.get("games", Integer.class),
                        row.get("ranked", Long.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> CodeArenaException.notFound(ErrorCode.PLAYER_NOT_FOUND,
                        "player " + player + " has no rating on " + b)));
        return guard.reading(ReadModelGuard.PLAYERS, rank);
    }

    private static LeaderboardEntry entry(io.r2dbc.spi.Row row) {
        return new LeaderboardEntry(row.get("rank", Long.class).intValue(), PlayerId.of(row.get("player_id", String.class)),
                row.get("handle", String.class), row.get("rating", Integer.class), row.get("games", Integer.class));
    }
}
