package dev.codearena.command.matchmaking;

import dev.codearena.api.match.MatchMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
     * per group: its size, its player ids, its match id. Returns the numbers (1-based) of the groups
     * NOT claimed because one of their players left the queue meanwhile.
     * <p>
     * Redis commands called from Lua cost about a microsecond each, so presence is checked and the
     * queue emptied with one variadic ZMSCORE/ZREM/HDEL per {@value #LUA_CHUNK} players instead of
     * three calls per player; only the holder keys (each with its own TTL) take one SET per player.
     */
    private static final RedisScript<List> CLAIM_ALL = RedisScript.of("""
            local chunk = %d
            local groups = tonumber(ARGV[1])
            local ids = {}
            local a = 2
            for g = 1, groups do
              local size = tonumber(ARGV[a])
              for i = 1, size do
                ids[#ids + 1] = ARGV[a + i]
              end
              a = a + size + 2
            end
            local queued = {}
            for s = 1, #ids, chunk do
              local e = math.min(s + chunk - 1, #ids)
              local scores = redis.call('ZMSCORE', KEYS[1], unpack(ids, s, e))
              for i = s, e do
                if scores[i - s + 1] then
                  queued[ids[i]] = true
                end
              end
            end
            local taken = {}
            local unclaimed = {}
            a = 2
            local k = 3
            for g = 1, groups do
              local size = tonumber(ARGV[a])
              local all = true
              for i = 1, size do
                if not queued[ARGV[a + i]] then
                  all = false
                end
              end
              if all then
                local match = 'match:' .. ARGV[a + size + 1]
                for i = 1, size do
                  queued[ARGV[a + i]] = nil -- never twice, even if a caller repeated a player
                  taken[#taken + 1] = ARGV[a + i]
                  redis.call('SET', KEYS[k + i - 1], match, 'PX', 60000)
                end
              else
                unclaimed[#unclaimed + 1] = g
              end
              a = a + size + 2
              k = k + size
            end
            for s = 1, #taken, chunk do
              local e = math.min(s + chunk - 1, #taken)
              redis.call('ZREM', KEYS[1], unpack(taken, s, e))
              redis.call('HDEL', KEYS[2], unpack(taken, s, e))
            end
            return unclaimed
            """.formatted(MatchQueue.LUA_CHUNK), List.class);

    /**
     * The whole queue of a mode in rating order with each player's waiting start, as one string
     * ({@code id score since} lines): one round trip and one reply to decode instead of ~30,000.
     */
    private static final RedisScript<String> SNAPSHOT = RedisScript.of("""
            local chunk = %d
            local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
            local ids = {}
            for i = 1, #entries, 2 do
              ids[#ids + 1] = entries[i]
            end
            local out = {}
            for s = 1, #ids, chunk do
              local e = math.min(s + chunk - 1, #ids)
              local since = redis.call('HMGET', KEYS[2], unpack(ids, s, e))
              for i = s, e do
                out[#out + 1] = ids[i] .. ' ' .. entries[2 * i] .. ' ' .. (since[i - s + 1] or '0')
              end
            end
            return table.concat(out, '\\n')
            """.formatted(MatchQueue.LUA_CHUNK), String.class);

    /** Players per variadic command inside the scripts (Lua's unpack is bounded by its C stack). */
    static final int LUA_CHUNK = 1000;

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

    /** The whole queue of a mode in rating order (one script, see {@link #SNAPSHOT}). */
    Mono<List<QueuedPlayer>> snapshot(MatchMode mode) {
        return redis.execute(SNAPSHOT, List.of(queueKey(mode), sinceKey(mode)), List.of())
                .next().defaultIfEmpty("").map(MatchQueue::parseSnapshot);
    }

    static List<QueuedPlayer> parseSnapshot(String lines) {
        List<QueuedPlayer> out = new ArrayList<>();
        int at = 0;
        int n = lines.length();
        while (at < n) {
            int end = lines.indexOf('\n', at);
            if (end < 0) {
                end = n;
            }
            int idEnd = lines.indexOf(' ', at);
            int scoreEnd = lines.indexOf(' ', idEnd + 1);
            String id = lines.substring(at, idEnd);
            // ratings are integers; Redis prints scores that are whole numbers without a fraction
            int rating = (int) Double.parseDouble(lines.substring(idEnd + 1, scoreEnd));
            long since = Long.parseLong(lines, scoreEnd + 1, end, 10);
            out.add(new QueuedPlayer(id, rating, since));
            at = end + 1;
        }
        return out;
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
        int count = groups.size();
        return redis.execute(CLAIM_ALL, keys, args).next().defaultIfEmpty(List.of()).map(result -> {
            Boolean[] claimed = new Boolean[count];
            java.util.Arrays.fill(claimed, Boolean.TRUE);
            for (Object group : (List<?>) result) {
                claimed[((Number) group).intValue() - 1] = Boolean.FALSE;
            }
            return List.of(claimed);
        });
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
