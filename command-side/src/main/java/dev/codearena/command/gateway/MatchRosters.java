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
    private static final String LIVE = "codearena:gw:live";

    private final ReactiveStringRedisTemplate redis;

    public MatchRosters(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public Mono<Void> record(String matchId, Collection<String> playerIds, long createdAtMillis) {
        String key = key(matchId);
        return redis.opsForSet().add(key, playerIds.toArray(String[]::new))
                .then(redis.expire(key, KEEP))
                .then(redis.opsForZSet().add(LIVE, matchId, createdAtMillis))
                .then();
    }

    public Mono<Boolean> isPlayer(String matchId, String playerId) {
        return redis.opsForSet().isMember(key(matchId), playerId);
    }

    /** Matches arranged in the last {@code window}, newest first (spectate:list filters out finished ones). */
    reactor.core.publisher.Flux<String> recent(Duration window, long nowMillis) {
        return redis.opsForZSet().reverseRangeByScore(LIVE,
                org.springframework.data.domain.Range.closed((double) (nowMillis - window.toMillis()), (double) nowMillis));
    }

    private static String key(String matchId) {
        return "codearena:gw:match:" + matchId + ":players";
    }
}
