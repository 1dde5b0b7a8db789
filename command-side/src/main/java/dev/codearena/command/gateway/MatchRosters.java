package dev.codearena.command.gateway;

import java.time.Duration;
import java.util.Collection;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Who plays which match, as the gateway arranged it (matchmaking or a private lobby). Room
 * authorisation reads it: only these players may join as players and submit. Kept in Redis so
 * every instance agrees; it outlives a match by a day for reconnects and late chat.
 */
public class MatchRosters {

    private static final Duration KEEP = Duration.ofDays(2);

    private final ReactiveStringRedisTemplate redis;

    public MatchRosters(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public Mono<Void> record(String matchId, Collection<String> playerIds, long createdAtMillis) {
        String key = key(matchId);
        return redis.opsForSet().add(key, playerIds.toArray(String[]::new))
                .then(redis.expire(key, KEEP))
                .then();
    }

    public Mono<Boolean> isPlayer(String matchId, String playerId) {
        return redis.opsForSet().isMember(key(matchId), playerId);
    }

    private static String key(String matchId) {
        return "codearena:gw:match:" + matchId + ":players";
    }
}
