package dev.codearena.query.read;

import dev.codearena.api.clan.ClanId;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.query.BoardRating;
import dev.codearena.api.query.MatchSummary;
import dev.codearena.api.query.PlayerProfile;
import dev.codearena.api.query.RatingHistory;
import dev.codearena.api.query.RatingPoint;
import dev.codearena.api.query.ResultPage;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Player profiles, rating history (charts) and match history, read through R2DBC. */
@Service
public class PlayerQueries {

    private final DatabaseClient db;
    private final ReadModelGuard guard;

    public PlayerQueries(DatabaseClient db, ReadModelGuard guard) {
        this.db = db;
        this.guard = guard;
    }

    public Mono<PlayerProfile> profile(String playerId) {
        String id = Paging.id("playerId", playerId);
        Mono<List<BoardRating>> ratings = db.sql("SELECT board, rating, games FROM qs_player_rating WHERE player_id = :id ORDER BY board")
                .bind("id", id).map(row -> new BoardRating(row.get("board", String.class), row.get("rating", Integer.class),
                        row.get("games", Integer.class))).all().collectList();
        Mono<String> clan = db.sql("SELECT clan_id FROM qs_clan_member WHERE player_id = :id LIMIT 1").bind("id", id)
                .map(row -> row.get("clan_id", String.class)).one().defaultIfEmpty("");
        Mono<PlayerProfile> profile = db.sql("SELECT handle, player_class, registered_at FROM qs_player WHERE player_id = :id")
                .bind("id", id)
                .map(row -> new Object[]{row.get("handle", String.class), row.get("player_class", String.class),
                        row.get("registered_at", Instant.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> CodeArenaException.notFound(ErrorCode.PLAYER_NOT_FOUND, "no player " + id)))
                .zipWith(Mono.zip(ratings, clan))
                .map(t -> new PlayerProfile(PlayerId.of(id), (String) t.getT1()[0], PlayerClass.valueOf((String) t.getT1()[1]),
                        (Instant) t.getT1()[2], t.getT2().getT1(), t.getT2().getT2().isEmpty() ? null : ClanId.of(t.getT2().getT2())));
        return guard.reading(ReadModelGuard.PLAYERS, profile);
    }

    public Mono<RatingHistory> ratingHistory(String playerId, String board) {
        String id = Paging.id("playerId", playerId);
        String b = Paging.board(board);
        Mono<RatingHistory> history = exists(id).then(db.sql("""
                        SELECT match_id, rating_before, rating_after, games, changed_at FROM qs_rating_history
                        WHERE player_id = :id AND board = :board ORDER BY changed_at, match_id""")
                .bind("id", id).bind("board", b)
                .map(row -> new RatingPoint(MatchId.of(row.get("match_id", String.class)), row.get("rating_before", Integer.class),
                        row.get("rating_after", Integer.class), row.get("games", Integer.class), row.get("changed_at", Instant.class)))
                .all().collectList()
                .map(points -> new RatingHistory(PlayerId.of(id), b, points)));
        return guard.reading(ReadModelGuard.PLAYERS, history);
    }

    public Mono<ResultPage<MatchSummary>> matchHistory(String playerId, int page, int size) {
        Paging.check(page, size);
        String id = Paging.id("playerId", playerId);
        Mono<Long> total = db.sql("SELECT count(*) FROM qs_match_player WHERE player_id = :id").bind("id", id)
                .map(row -> row.get(0, Long.class)).one();
        Mono<List<MatchSummary>> items = db.sql("""
                SELECT m.match_id, m.mode, m.phase, m.player_count, m.created_at, m.started_at, m.period_ends_at, m.ended_at,
                       m.end_reason, mp.place, mp.score, mp.rating_before, mp.rating_after
                FROM qs_match_player mp JOIN qs_match m ON m.match_id = mp.match_id
                WHERE mp.player_id = :id
                ORDER BY mp.created_at DESC, mp.match_id
                LIMIT :limit OFFSET :offset""")
                .bind("id", id).bind("limit", size).bind("offset", (long) page * size)
                .map(row -> {
                    Integer before = row.get("rating_before", Integer.class);
                    Integer after = row.get("rating_after", Integer.class);
                    return summary(row, row.get("place", Integer.class), row.get("score", Integer.class),
                            before == null || after == null ? null : after - before);
                })
                .all().collectList();
        return guard.reading(ReadModelGuard.MATCHES, exists(id).then(Mono.zip(items, total)
                .map(t -> new ResultPage<>(t.getT1(), page, size, t.getT2()))));
    }

    static MatchSummary summary(io.r2dbc.spi.Readable row, Integer place, Integer score, Integer ratingDelta) {
        String reason = row.get("end_reason", String.class);
        return new MatchSummary(MatchId.of(row.get("match_id", String.class)), MatchMode.valueOf(row.get("mode", String.class)),
                MatchPhase.valueOf(row.get("phase", String.class)), row.get("player_count", Integer.class),
                row.get("created_at", Instant.class), row.get("started_at", Instant.class), row.get("period_ends_at", Instant.class),
                row.get("ended_at", Instant.class), reason == null ? null : EndReason.valueOf(reason), place, score, ratingDelta);
    }

    private Mono<Void> exists(String id) {
        return db.sql("SELECT 1 FROM qs_player WHERE player_id = :id").bind("id", id).map(row -> true).one()
                .switchIfEmpty(Mono.error(() -> CodeArenaException.notFound(ErrorCode.PLAYER_NOT_FOUND, "no player " + id)))
                .then();
    }
}
