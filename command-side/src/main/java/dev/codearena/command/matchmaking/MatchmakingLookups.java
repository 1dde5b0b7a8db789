package dev.codearena.command.matchmaking;

import dev.codearena.api.match.MatchMode;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.api.problem.ProblemRetired;
import dev.codearena.api.problem.ProblemVersionPublished;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Current ratings (the queue's scores) and the drawable problems, projected from the Player and
 * Problem events into two small tables. Same transaction as the processor's token, so replays and
 * crashes never apply an event twice; a reset clears both tables.
 */
@ProcessingGroup(MatchmakingLookups.PROCESSING_GROUP)
class MatchmakingLookups {

    static final String PROCESSING_GROUP = "gateway-lookups";

    private final JdbcTemplate jdbc;

    MatchmakingLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlayerRegistered event) {
        jdbc.update("INSERT INTO gateway_player (player_id, handle) VALUES (?, ?) ON CONFLICT (player_id) DO UPDATE SET handle = EXCLUDED.handle",
                event.playerId().value(), event.handle());
    }

    @EventHandler
    void on(PlayerRatingChanged event) {
        jdbc.update("INSERT INTO gateway_player_rating (player_id, mode, rating) VALUES (?, ?, ?) "
                        + "ON CONFLICT (player_id, mode) DO UPDATE SET rating = EXCLUDED.rating",
                event.playerId().value(), event.mode().name(), event.after());
    }

    @EventHandler
    void on(ProblemVersionPublished event) {
        String modes = event.definition().modes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        jdbc.update("INSERT INTO gateway_problem (problem_id, difficulty, modes) VALUES (?, ?, ?) "
                        + "ON CONFLICT (problem_id) DO UPDATE SET difficulty = EXCLUDED.difficulty, modes = EXCLUDED.modes",
                event.problemId().value(), event.definition().difficulty(), modes);
    }

    @EventHandler
    void on(ProblemRetired event) {
        jdbc.update("UPDATE gateway_problem SET retired = TRUE WHERE problem_id = ?", event.problemId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM gateway_player");
        jdbc.update("DELETE FROM gateway_player_rating");
        jdbc.update("DELETE FROM gateway_problem");
    }

    Optional<Integer> rating(String playerId, MatchMode mode) {
        return jdbc.query("SELECT rating FROM gateway_player_rating WHERE player_id = ? AND mode = ?",
                (rs, i) -> rs.getInt(1), playerId, mode.name()).stream().findFirst();
    }

    Map<String, String> handles(List<String> playerIds) {
        Map<String, String> out = new HashMap<>();
        if (playerIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", Collections.nCopies(playerIds.size(), "?"));
        jdbc.query("SELECT player_id, handle FROM gateway_player WHERE player_id IN (" + marks + ")",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getString(2)), playerIds.toArray());
        return out;
    }

    List<Candidate> problems(MatchMode mode, int maxDifficulty) {
        return jdbc.query("SELECT problem_id, difficulty, modes FROM gateway_problem WHERE NOT retired AND difficulty <= ? "
                        + "ORDER BY difficulty, problem_id",
                (rs, i) -> new Candidate(rs.getString(1), rs.getInt(2), parseModes(rs.getString(3))), maxDifficulty)
                .stream().filter(c -> c.modes().contains(mode)).toList();
    }

    private static Set<MatchMode> parseModes(String csv) {
        Set<MatchMode> modes = EnumSet.noneOf(MatchMode.class);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).forEach(s -> modes.add(MatchMode.valueOf(s)));
        return modes;
    }

    record Candidate(String problemId, int difficulty, Set<MatchMode> modes) {
    }
}
