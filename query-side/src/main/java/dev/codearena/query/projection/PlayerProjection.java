package dev.codearena.query.projection;

import dev.codearena.query.QueryProcessingGroups;
import static dev.codearena.query.support.Sql.isoMicros;

import dev.codearena.api.player.PlayerClassChanged;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.query.support.RowBatch;
import dev.codearena.query.support.UnitOfWorkBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Players, their current ratings per board (OVERALL and each mode: the leaderboards) and their rating
 * history. Writes are collected per processor batch and flushed with one statement per table in the
 * batch's transaction (see {@link UnitOfWorkBatch}); several rating changes of one player within a batch
 * collapse into one upsert of the latest value.
 */
@Component
@ProcessingGroup(PlayerProjection.GROUP)
class PlayerProjection {

    static final String GROUP = QueryProcessingGroups.PLAYERS;
    static final String OVERALL = "OVERALL";
    private static final String BATCH = PlayerProjection.class.getName();

    private final JdbcTemplate jdbc;

    PlayerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlayerRegistered event) {
        Batch batch = batch();
        String id = event.playerId().value();
        batch.players.put(id, new Object[]{id, event.handle(), event.playerClass().name(), isoMicros(event.registeredAt())});
        batch.ratings.put(id + '\0' + OVERALL, new Rating(id, OVERALL, event.initialRating(), 0, event.registeredAt()));
    }

    @EventHandler
    void on(PlayerClassChanged event) {
        batch().classChanges.put(event.playerId().value(), event.playerClass().name());
    }

    @EventHandler
    void on(PlayerRatingChanged event) {
        Batch batch = batch();
        String id = event.playerId().value();
        String mode = event.mode().name();
        String match = event.matchId().value();
        batch.ratings.put(id + '\0' + mode, new Rating(id, mode, event.after(), event.gamesPlayed(), event.changedAt()));
        batch.ratings.put(id + '\0' + OVERALL, new Rating(id, OVERALL, event.overallAfter(), event.overallGamesPlayed(), event.changedAt()));
        batch.history.add(new Object[]{id, mode, match, event.before(), event.after(), event.gamesPlayed(), isoMicros(event.changedAt())});
        batch.history.add(new Object[]{id, OVERALL, match, event.overallBefore(), event.overallAfter(),
                event.overallGamesPlayed(), isoMicros(event.changedAt())});
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE qs_player, qs_player_rating, qs_rating_history");
    }

    private Batch batch() {
        return UnitOfWorkBatch.current(BATCH, Batch::new, this::flush);
    }

    /**
     * One statement per table, whatever the batch holds: each column goes as one array and PostgreSQL unnests them
     * ({@link RowBatch#insertArrays}). A JDBC batch of single-row statements cost PostgreSQL a statement per row (the
     * rating upsert and the history insert were two of the three most frequent statements of a rebuild).
     */
    private void flush(Batch batch) {
        if (!batch.players.isEmpty()) {
            RowBatch.insertArrays(jdbc, "qs_player", List.of("player_id", "handle", "player_class", "registered_at"),
                    Map.of("registered_at", "timestamptz"), columns(batch.players.values(), 4));
        }
        if (!batch.classChanges.isEmpty()) {
            jdbc.update("""
                    UPDATE qs_player p SET player_class = u.player_class
                    FROM unnest(?::text[], ?::text[]) AS u(player_id, player_class) WHERE p.player_id = u.player_id""",
                    batch.classChanges.keySet().toArray(String[]::new), batch.classChanges.values().toArray(String[]::new));
        }
        if (!batch.ratings.isEmpty()) {
            // The batch holds at most one rating per player and board (a map), as ON CONFLICT DO UPDATE requires.
            RowBatch.insertArrays(jdbc, "qs_player_rating", List.of("player_id", "board", "rating", "games", "updated_at"),
                    Map.of("rating", "integer", "games", "integer", "updated_at", "timestamptz"),
                    columns(batch.ratings.values().stream().map(r -> new Object[]{r.playerId, r.board, r.rating, r.games, isoMicros(r.at)})
                            .toList(), 5),
                    "ON CONFLICT (player_id, board) DO UPDATE SET rating = excluded.rating, games = excluded.games,"
                            + " updated_at = excluded.updated_at");
        }
        if (!batch.history.isEmpty()) {
            // A plain INSERT on purpose: an event applied twice would violate the primary key and fail loudly.
            RowBatch.insertArrays(jdbc, "qs_rating_history",
                    List.of("player_id", "board", "match_id", "rating_before", "rating_after", "games", "changed_at"),
                    Map.of("rating_before", "integer", "rating_after", "integer", "games", "integer", "changed_at", "timestamptz"),
                    columns(batch.history, 7));
        }
    }

    /** Rows to one text array per column. */
    private static String[][] columns(Collection<Object[]> rows, int width) {
        String[][] columns = new String[width][rows.size()];
        int r = 0;
        for (Object[] row : rows) {
            for (int c = 0; c < width; c++) {
                columns[c][r] = row[c] == null ? null : row[c].toString();
            }
            r++;
        }
        return columns;
    }

    private record Rating(String playerId, String board, int rating, int games, Instant at) {
    }

    private static final class Batch {
        final Map<String, Object[]> players = new LinkedHashMap<>();
        final Map<String, String> classChanges = new LinkedHashMap<>();
        final Map<String, Rating> ratings = new LinkedHashMap<>();
        final List<Object[]> history = new ArrayList<>();
    }
}
