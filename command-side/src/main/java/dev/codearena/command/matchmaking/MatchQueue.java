package dev.codearena.command.matchmaking;

import dev.codearena.api.match.MatchMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The queues in Redis. Per mode: the sorted set {@code mm:{mode}} (member = player id, score = rating)
 * and the hash {@code mm:{mode}:since}. Per player: {@code mm:player:{id}} names where they wait
 * (a mode or a lobby), so nobody waits in two places. Claiming a matched group is one Lua script
 * that removes all of them only if all are still queued, so a player who left meanwhile is never
 * put in a match, and two passes can never take the same player.
 */
class MatchQueue {

    private static final RedisScript<Long> JOIN = RedisScript.of("""
            if redis.call('SET', KEYS[3], ARGV[4], 'NX', 'PX', ARGV[5]) == false then
              return 0
            end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            return 1
            """, Long.class);

    private static final RedisScript<Long> LEAVE = RedisScript.of("""
            local removed = redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            if redis.call('GET', KEYS[3]) == ARGV[2] then
              redis.call('DEL', KEYS[3])
            end
            return removed
            """, Long.class);

    /** KEYS = zset, since-hash, then one holder key per player; ARGV = player ids, then the match id. */
    private static final RedisScript<Long> CLAIM = RedisScript.of("""
            local n = #ARGV - 1
            for i = 1, n do
              if redis.call('ZSCORE', KEYS[1], ARGV[i]) == false then
                return 0
              end
            end
            for i = 1, n do
              redis.call('ZREM', KEYS[1], ARGV[i])
              redis.call('HDEL', KEYS[2], ARGV[i])
              redis.call('SET', KEYS[2 + i], 'match:' .. ARGV[n + 1], 'PX', 60000)
            end
            return 1
            """, Long.class);

    /**
     * Many groups in one round trip (a pass over 10,000 players forms thousands). KEYS = zset,
     * since-hash, then the holder key of every player in group order; ARGV = number of groups, then
     * per group: its size, its player ids, its match id. Returns, per group, 1 when claimed.
     */
    private static final RedisScript<List> CLAIM_ALL = RedisScript.of("""
            local groups = tonumber(ARGV[1])
            local a = 2
            local k = 3
            local claimed = {}
            for g = 1, groups do
              local size = tonumber(ARGV[a])
              local all = true
              for i = 1, size do
                if redis.call('ZSCORE', KEYS[1], ARGV[a + i]) == false then
                  all = false
                end
              end
              if all then
                for i = 1, size do
                  redis.call('ZREM', KEYS[1], ARGV[a + i])
                  redis.call('HDEL', KEYS[2], ARGV[a + i])
                  redis.call('SET', KEYS[k + i - 1], 'match:' .. ARGV[a + size + 1], 'PX', 60000)
                end
                claimed[g] = 1
              else
                claimed[g] = 0
              end
              a = a + size + 2
              k = k + size
            end
            return claimed
            """, List.class);

    private static final RedisScript<Long> UNLOCK = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    /** How long a queue entry (and the player's hold) lives without the player re-queueing. */
    static final Duration HOLD = Duration.ofHours(1);

    private final ReactiveStringRedisTemplate redis;

    MatchQueue(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    static String queueKey(MatchMode mode) {
        return "mm:" + mode.name().toLowerCase();
    }

    private static String sinceKey(MatchMode mode) {
        return queueKey(mode) + ":since";
    }

    static String holderKey(String playerId) {
        return "mm:player:" + playerId;
    }

    /** @return false when the player already waits somewhere (a queue or a lobby) */
    Mono<Boolean> join(String playerId, MatchMode mode, int rating, long now) {
        return redis.execute(JOIN, List.of(queueKey(mode), sinceKey(mode), holderKey(playerId)),
                        List.of(playerId, String.valueOf(rating), String.valueOf(now), "queue:" + mode.name(),
                                String.valueOf(HOLD.toMillis())))
                .next().map(r -> r == 1L);
    }

    Mono<Boolean> leave(String playerId, MatchMode mode) {
        return redis.execute(LEAVE, List.of(queueKey(mode), sinceKey(mode), holderKey(playerId)),
                        List.of(playerId, "queue:" + mode.name()))
                .next().map(r -> r == 1L);
    }

    /** Reserves the player for a private lobby (fails when they already wait somewhere). */
    Mono<Boolean> holdForLobby(String playerId, String code) {
        return redis.opsForValue().setIfAbsent(holderKey(playerId), "lobby:" + code, HOLD);
    }

    Mono<Void> releaseLobbyHold(String playerId, String code) {
        return redis.execute(UNLOCK, List.of(holderKey(playerId)), List.of("lobby:" + code)).then();
    }

    Mono<Long> size(MatchMode mode) {
        return redis.opsForZSet().size(queueKey(mode));
    }

    /** The whole queue of a mode in rating order: one ZRANGE and one HGETALL. */
    Mono<List<QueuedPlayer>> snapshot(MatchMode mode) {
        Mono<List<org.springframework.data.redis.core.ZSetOperations.TypedTuple<String>>> entries =
                redis.opsForZSet().rangeWithScores(queueKey(mode), org.springframework.data.domain.Range.unbounded()).collectList();
        Mono<Map<String, String>> since = redis.<String, String>opsForHash().entries(sinceKey(mode))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(entries, since).map(t -> {
            List<QueuedPlayer> out = new ArrayList<>(t.getT1().size());
            for (var entry : t.getT1()) {
                String at = t.getT2().get(entry.getValue());
                out.add(new QueuedPlayer(entry.getValue(), entry.getScore() == null ? 0 : entry.getScore().intValue(),
                        at == null ? 0L : Long.parseLong(at)));
            }
            return out;
        });
    }

    /** Takes the group out of the queue if every one of them is still in it. */
    Mono<Boolean> claim(MatchMode mode, List<QueuedPlayer> group, String matchId) {
        List<String> keys = new ArrayList<>();
        keys.add(queueKey(mode));
        keys.add(sinceKey(mode));
        group.forEach(p -> keys.add(holderKey(p.playerId())));
        List<String> args = new ArrayList<>();
        group.forEach(p -> args.add(p.playerId()));
        args.add(matchId);
        return redis.execute(CLAIM, keys, args).next().map(r -> r == 1L);
    }

    /** Claims every group at once; the result lists, in order, whether each group was claimed. */
    Mono<List<Boolean>> claimAll(MatchMode mode, List<List<QueuedPlayer>> groups, List<String> matchIds) {
        if (groups.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> keys = new ArrayList<>();
        keys.add(queueKey(mode));
        keys.add(sinceKey(mode));
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(groups.size()));
        for (int g = 0; g < groups.size(); g++) {
            List<QueuedPlayer> group = groups.get(g);
            args.add(String.valueOf(group.size()));
            group.forEach(p -> {
                args.add(p.playerId());
                keys.add(holderKey(p.playerId()));
            });
            args.add(matchIds.get(g));
        }
        return redis.execute(CLAIM_ALL, keys, args).next()
                .map(result -> ((List<?>) result).stream().map(r -> Long.valueOf(1L).equals(r)).toList());
    }

    /** A pass runs under this per-mode lock, so passes on different instances never overlap. */
    Mono<String> lock(MatchMode mode, Duration ttl) {
        String token = UUID.randomUUID().toString();
        return redis.opsForValue().setIfAbsent("mm:lock:" + mode.name().toLowerCase(), token, ttl)
                .flatMap(ok -> ok ? Mono.just(token) : Mono.empty());
    }

    Mono<Void> unlock(MatchMode mode, String token) {
        return redis.execute(UNLOCK, List.of("mm:lock:" + mode.name().toLowerCase()), List.of(token)).then();
    }
}
