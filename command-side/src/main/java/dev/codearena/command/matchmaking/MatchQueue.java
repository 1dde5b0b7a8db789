package dev.codearena.command.matchmaking;

import dev.codearena.api.match.MatchMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The queues in Redis.
 * <ul>
 * <li>{@code mm:queue:{mode}}: sorted set scored by rating; the member is {@code <since>:<playerId>}, the
 * join time (epoch ms, 13 digits) first, so one native {@code ZRANGE WITHSCORES} reads all a pass needs
 * and equal ratings come longest-waiting first.</li>
 * <li>{@code mm:queue:{mode}:removals}: counts removals from that queue (leaves and claims). A claim whose
 * snapshot saw the same count knows every player it read is still queued without checking each one.</li>
 * <li>{@code mm:player:{id}}: where the player waits, so nobody waits in two places:
 * {@code queue:<MODE>:<member>} or {@code lobby:<code>}, expiring after {@link #HOLD}. A queue hold whose
 * member is no longer in that queue is left over from a claim and counts for nothing.</li>
 * <li>{@code mm:matched:{slot}}: set of the players claimed during one {@value #MATCHED_SLOT_SECONDS}-second
 * slot of the server's clock. A claimed player may not queue or join a lobby while their slot is one of
 * the last {@value #MATCHED_SLOTS} (60 to 70 s, time to create the match); the set then expires on its own.
 * This replaced one key per claimed player with its own TTL: the claim writes one variadic {@code SADD}
 * per {@value #LUA_CHUNK} players instead of one {@code SET ... PX} each.</li>
 * </ul>
 * Claiming a matched group is one Lua script that takes all of them only if all are still queued, so a
 * player who left meanwhile is never put in a match, and two passes can never take the same player.
 * The scripts derive some key names (the queue a hold names, the matched slots) themselves: one Redis,
 * not a cluster.
 */
class MatchQueue {

    /** Players per variadic command inside the scripts (Lua's unpack is bounded by its C stack). */
    static final int LUA_CHUNK = 1000;
    static final int MATCHED_SLOT_SECONDS = 10;
    static final int MATCHED_SLOTS = 7;
    /** Digits of the join time at the head of a queue member (epoch ms until the year 2286). */
    private static final int SINCE_DIGITS = 13;

    /** How long a queue or lobby hold lives without the player queueing again. */
    static final Duration HOLD = Duration.ofHours(1);

    /** {@code matched_slot()}: the current {@code mm:matched:{slot}} slot by Redis's clock, for every script using the sets. */
    private static final String MATCHED_SLOT = """
            local function matched_slot()
              return math.floor(tonumber(redis.call('TIME')[1]) / %d)
            end
            """.formatted(MATCHED_SLOT_SECONDS);

    /**
     * {@code held(holdKey, playerId)}: whether the player waits in a queue or a lobby, or was claimed in
     * the last {@value #MATCHED_SLOTS} slots. A hold of any other kind than a queue's (a lobby's, or a
     * {@code match:<id>} hold written by the previous version) holds until it expires; a queue hold only
     * while its member is still queued (one written by the previous version names no member: its queue
     * is no longer read).
     */
    private static final String HELD = MATCHED_SLOT + """
            local function held(hold_key, player)
              local hold = redis.call('GET', hold_key)
              if hold then
                if string.sub(hold, 1, 6) ~= 'queue:' then
                  return true
                end
                local mode, member = string.match(hold, '^queue:([%%u_]+):(.+)$')
                if mode and redis.call('ZSCORE', 'mm:queue:' .. string.lower(mode), member) then
                  return true
                end
              end
              local slot = matched_slot()
              for s = slot - %d, slot do
                if redis.call('SISMEMBER', 'mm:matched:' .. s, player) == 1 then
                  return true
                end
              end
              return false
            end
            """.formatted(MATCHED_SLOTS - 1);

    /**
     * Holds the player (joining a queue or a lobby) unless they are {@code held} already. KEYS = hold,
     * then the queue when joining one; ARGV = player, hold value, hold ms, then the rating and the member
     * when joining a queue.
     */
    private static final RedisScript<Long> HOLD_PLAYER = RedisScript.of(HELD + """
            if held(KEYS[1], ARGV[1]) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            if KEYS[2] then
              redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
            end
            return 1
            """, Long.class);

    /** KEYS = hold, queue, removals; ARGV = mode. Returns 1 if the player was taken out of the queue. */
    private static final RedisScript<Long> LEAVE = RedisScript.of("""
            local prefix = 'queue:' .. ARGV[1] .. ':'
            local hold = redis.call('GET', KEYS[1])
            if not hold or string.sub(hold, 1, #prefix) ~= prefix then
              return 0
            end
            redis.call('DEL', KEYS[1])
            local removed = redis.call('ZREM', KEYS[2], string.sub(hold, #prefix + 1))
            if removed == 1 then
              redis.call('INCR', KEYS[3])
            end
            return removed
            """, Long.class);

    /** ARGV = players: frees them at once from their claim (their match could not be created). */
    private static final RedisScript<Long> RELEASE = RedisScript.of(MATCHED_SLOT + """
            local slot = matched_slot()
            for s = slot - %d, slot do
              redis.call('SREM', 'mm:matched:' .. s, unpack(ARGV))
            end
            return 1
            """.formatted(MATCHED_SLOTS - 1), Long.class);

    /**
     * Many groups in one round trip (a pass over 10,000 players forms thousands). KEYS = queue, removals;
     * ARGV = the removals count the snapshot saw ('' when unknown), the group sizes joined by commas,
     * then the members of every group in group order. Returns the numbers (1-based) of the groups NOT
     * claimed because one of their players left the queue meanwhile.
     * <p>
     * When nothing was removed from the queue since the snapshot (the usual case: the pass holds the
     * mode's lock), every member passed is still queued and nothing is checked one by one; otherwise one
     * variadic ZMSCORE per {@value #LUA_CHUNK} players finds who left, and only complete groups are taken.
     * Claimed players leave the queue (variadic ZREM) and join the current matched slot (variadic SADD).
     * Every value crossing between Lua and Redis costs, so the common path passes ARGV through as it is.
     */
    private static final RedisScript<List> CLAIM = RedisScript.of(MATCHED_SLOT + """
            local chunk = %d
            local members = ARGV
            local first = 3
            local last = #ARGV
            local unclaimed = {}
            if ARGV[1] ~= (redis.call('GET', KEYS[2]) or '0') then
              local queued = {}
              for s = first, last, chunk do
                local e = math.min(s + chunk - 1, last)
                local scores = redis.call('ZMSCORE', KEYS[1], unpack(ARGV, s, e))
                for i = s, e do
                  if scores[i - s + 1] then
                    queued[ARGV[i]] = true
                  end
                end
              end
              members = {}
              local a = first
              local g = 0
              for size in string.gmatch(ARGV[2], '%%d+') do
                g = g + 1
                local b = a + tonumber(size) - 1
                local all = true
                for i = a, b do
                  if not queued[ARGV[i]] then
                    all = false
                  end
                end
                if all then
                  for i = a, b do
                    queued[ARGV[i]] = nil -- never twice, even if a caller repeated a player
                    members[#members + 1] = ARGV[i]
                  end
                else
                  unclaimed[#unclaimed + 1] = g
                end
                a = b + 1
              end
              first = 1
              last = #members
            end
            if last >= first then
              local slot = matched_slot()
              local matched = 'mm:matched:' .. slot
              local players = {}
              for s = first, last, chunk do
                local e = math.min(s + chunk - 1, last)
                redis.call('ZREM', KEYS[1], unpack(members, s, e))
                for i = s, e do
                  players[i - s + 1] = string.sub(members[i], %d)
                end
                redis.call('SADD', matched, unpack(players, 1, e - s + 1))
              end
              redis.call('PEXPIREAT', matched, (slot + %d) * %d)
              redis.call('INCR', KEYS[2])
            end
            return unclaimed
            """.formatted(LUA_CHUNK, SINCE_DIGITS + 2, MATCHED_SLOTS, MATCHED_SLOT_SECONDS * 1000),
            List.class);

    private static final RedisScript<Long> UNLOCK = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    /** A mode's queue as a pass read it, with the removals count seen just before. */
    record Snapshot(String removals, List<QueuedPlayer> players) {
    }

    private final ReactiveStringRedisTemplate redis;

    MatchQueue(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    static String queueKey(MatchMode mode) {
        return "mm:queue:" + mode.name().toLowerCase();
    }

    private static String removalsKey(MatchMode mode) {
        return queueKey(mode) + ":removals";
    }

    static String holderKey(String playerId) {
        return "mm:player:" + playerId;
    }

    /** The queue member of a player who joined at {@code since}: the join time, zero-padded, then the id. */
    static String member(long since, String playerId) {
        if (since < 0 || since >= 10_000_000_000_000L) {
            throw new IllegalArgumentException("join time out of range: " + since);
        }
        String digits = Long.toString(since);
        StringBuilder member = new StringBuilder(SINCE_DIGITS + 1 + playerId.length());
        member.append("0".repeat(SINCE_DIGITS - digits.length())).append(digits).append(':').append(playerId);
        return member.toString();
    }

    static String member(QueuedPlayer player) {
        return member(player.since(), player.playerId());
    }

    /** @return null for a member this version did not write */
    static QueuedPlayer parse(String member, double score) {
        if (member.length() <= SINCE_DIGITS + 1 || member.charAt(SINCE_DIGITS) != ':') {
            return null;
        }
        long since = Long.parseLong(member, 0, SINCE_DIGITS, 10);
        return new QueuedPlayer(member.substring(SINCE_DIGITS + 1), (int) score, since);
    }

    /** @return false when the player already waits somewhere (a queue or a lobby) or was just matched */
    Mono<Boolean> join(String playerId, MatchMode mode, int rating, long now) {
        String member = member(now, playerId);
        return redis.execute(HOLD_PLAYER, List.of(holderKey(playerId), queueKey(mode)),
                        List.of(playerId, "queue:" + mode.name() + ":" + member, String.valueOf(HOLD.toMillis()),
                                String.valueOf(rating), member))
                .next().map(r -> r == 1L);
    }

    Mono<Boolean> leave(String playerId, MatchMode mode) {
        return redis.execute(LEAVE, List.of(holderKey(playerId), queueKey(mode), removalsKey(mode)), List.of(mode.name()))
                .next().map(r -> r == 1L);
    }

    /** Reserves the player for a private lobby (fails when they already wait somewhere or were just matched). */
    Mono<Boolean> holdForLobby(String playerId, String code) {
        return redis.execute(HOLD_PLAYER, List.of(holderKey(playerId)),
                        List.of(playerId, "lobby:" + code, String.valueOf(HOLD.toMillis())))
                .next().map(r -> r == 1L);
    }

    Mono<Void> releaseLobbyHold(String playerId, String code) {
        return redis.execute(UNLOCK, List.of(holderKey(playerId)), List.of("lobby:" + code)).then();
    }

    /** Frees claimed players at once (their match could not be created), so they may queue again. */
    Mono<Void> releaseClaim(List<String> playerIds) {
        return playerIds.isEmpty() ? Mono.empty() : redis.execute(RELEASE, List.of(), playerIds).then();
    }

    Mono<Long> size(MatchMode mode) {
        return redis.opsForZSet().size(queueKey(mode));
    }

    /**
     * The whole queue of a mode in rating order: the removals count, then one native
     * {@code ZRANGE ... WITHSCORES} (in this order, so a removal between the two makes the count stale,
     * never the other way round).
     */
    Mono<Snapshot> snapshot(MatchMode mode) {
        return redis.opsForValue().get(removalsKey(mode)).defaultIfEmpty("0")
                .flatMap(removals -> redis.opsForZSet().rangeWithScores(queueKey(mode), Range.unbounded())
                        .collectList()
                        .map(entries -> new Snapshot(removals, players(entries))));
    }

    private static List<QueuedPlayer> players(List<TypedTuple<String>> entries) {
        List<QueuedPlayer> players = new ArrayList<>(entries.size());
        for (TypedTuple<String> entry : entries) {
            QueuedPlayer player = parse(entry.getValue(), entry.getScore());
            if (player != null) {
                players.add(player);
            }
        }
        return players;
    }

    /** Takes the group out of the queue if every one of them is still in it (checked player by player). */
    Mono<Boolean> claim(MatchMode mode, List<QueuedPlayer> group) {
        return claimAll(mode, "", List.of(group)).map(claimed -> claimed.get(0));
    }

    /**
     * Claims every group at once; the result lists, in order, whether each group was claimed.
     * {@code removals} is the count the groups' snapshot saw ({@link Snapshot#removals()}), or '' to check
     * every player. With a count, the groups must be disjoint and drawn from that very snapshot: an
     * unchanged count is taken as proof that all of them are still queued.
     */
    Mono<List<Boolean>> claimAll(MatchMode mode, String removals, List<List<QueuedPlayer>> groups) {
        if (groups.isEmpty()) {
            return Mono.just(List.of());
        }
        StringBuilder sizes = new StringBuilder(groups.size() * 2);
        List<String> args = new ArrayList<>();
        args.add(removals);
        args.add(""); // the sizes, set below
        Set<String> players = new HashSet<>();
        for (List<QueuedPlayer> group : groups) {
            if (!sizes.isEmpty()) {
                sizes.append(',');
            }
            sizes.append(group.size());
            for (QueuedPlayer player : group) {
                if (!players.add(player.playerId())) {
                    // the quick path of the script trusts the groups to be disjoint
                    throw new IllegalArgumentException("player " + player.playerId() + " is in two groups");
                }
                args.add(member(player));
            }
        }
        args.set(1, sizes.toString());
        int count = groups.size();
        return redis.execute(CLAIM, List.of(queueKey(mode), removalsKey(mode)), args).next().defaultIfEmpty(List.of())
                .map(result -> {
                    Boolean[] claimed = new Boolean[count];
                    Arrays.fill(claimed, Boolean.TRUE);
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
