package dev.codearena.query.projection;

import dev.codearena.query.QueryProcessingGroups;
import static dev.codearena.query.support.Sql.ts;

import dev.codearena.api.player.PlayerClassChanged;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.query.support.UnitOfWorkBatch;
import java.time.Instant;
import java.util.ArrayList;
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
 * history. Writes are collected per processor batch and flushed as JDBC batches in the batch's
 * transaction (see {@link UnitOfWorkBatch}); several rating changes of one player within a batch
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
        batch.players.put(id, new Object[]{id, event.handle(), event.playerClass().name(), ts(event.registeredAt())});
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
        batch.history.add(new Object[]{id, mode, match, event.before(), event.after(), event.gamesPlayed(), ts(event.changedAt())});
        batch.history.add(new Object[]{id, OVERALL, match, event.overallBefore(), event.overallAfter(),
                event.overallGamesPlayed(), ts(event.changedAt())});
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE qs_player, qs_player_rating, qs_rating_history");
    }

    private Batch batch() {
        return UnitOfWorkBatch.current(BATCH, Batch::new, this::flush);
    }

    private void flush(Batch batch) {
        if (!batch.players.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO qs_player (player_id, handle, player_class, registered_at) VALUES (?, ?, ?, ?)",
                    new ArrayList<>(batch.players.values()));
        }
        if (!batch.classChanges.isEmpty()) {
            jdbc.batchUpdate("UPDATE qs_player SET player_class = ? WHERE player_id = ?",
                    batch.classChanges.entrySet().stream().map(e -> new Object[]{e.getValue(), e.getKey()}).toList());
        }
        if (!batch.ratings.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO qs_player_rating (player_id, board, rating, games, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (player_id, board) DO UPDATE
                    SET rating = excluded.rating, games = excluded.games, updated_at = excluded.updated_at""",
                    batch.ratings.values().stream().map(r -> new Object[]{r.playerId, r.board, r.rating, r.games, ts(r.at)}).toList());
        }
        if (!batch.history.isEmpty()) {
            // A plain INSERT on purpose: an event applied twice would violate the primary key and fail loudly.
            jdbc.batchUpdate("""
                    INSERT INTO qs_rating_history (player_id, board, match_id, rating_before, rating_after, games, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", batch.history);
        }
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
