package dev.codearena.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.live.LiveKeys;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.wire.LeaderboardChanged;
import dev.codearena.query.QueryProcessingGroups;
import dev.codearena.query.support.UnitOfWorkBatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells leaderboard subscribers which boards changed, once per processor batch and only after the
 * batch's ratings are committed (so a refetch sees them). A pure side effect: never during a replay.
 * Runs in the {@code players} processor, right behind the projection that writes the ratings.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.PLAYERS)
class LeaderboardNotifier {

    private static final String BATCH = LeaderboardNotifier.class.getName();

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    LeaderboardNotifier(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @EventHandler
    @DisallowReplay
    void on(PlayerRatingChanged event) {
        Changes changes = UnitOfWorkBatch.current(BATCH, () -> {
            Changes created = new Changes();
            UnitOfWorkBatch.afterCommit(() -> publish(created));
            return created;
        }, c -> {
        });
        changes.boards.add("OVERALL");
        changes.boards.add(event.mode().name());
        changes.players.add(event.playerId());
    }

    private void publish(Changes changes) {
        try {
            redis.convertAndSend(LiveKeys.LEADERBOARD_CHANNEL, json.writeValueAsString(
                    new LeaderboardChanged(new ArrayList<>(changes.boards), new ArrayList<>(changes.players))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Changes {
        final Set<String> boards = new LinkedHashSet<>();
        final Set<PlayerId> players = new LinkedHashSet<>();
    }
}
