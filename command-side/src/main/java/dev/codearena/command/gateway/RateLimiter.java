package dev.codearena.command.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Sliding-window rate limits per (player, message type), kept in Redis so they hold however many
 * gateway instances a player's connections land on. One round trip: a Lua script trims the window,
 * counts, and records the event only when it is allowed, using Redis's own clock.
 */
class RateLimiter {

    /** Returns 0 when allowed, otherwise milliseconds until the oldest event leaves the window. */
    private static final RedisScript<Long> SLIDING_WINDOW = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
              redis.call('PEXPIRE', KEYS[1], window)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();
    private final RateLimit fallback;
    private final AtomicLong sequence = new AtomicLong();

    RateLimiter(ReactiveStringRedisTemplate redis, Map<String, String> configured, String fallback) {
        this.redis = redis;
        configured.forEach((type, limit) -> limits.put(type, RateLimit.parse(limit)));
        this.fallback = RateLimit.parse(fallback);
    }

    RateLimit limitOf(String type) {
        return limits.getOrDefault(type, fallback);
    }

    /** @return empty when allowed, else how long to wait */
    Mono<Duration> acquire(String playerId, String type) {
        RateLimit limit = limitOf(type);
        String key = "rl:" + type + ":" + playerId;
        return redis.execute(SLIDING_WINDOW, List.of(key),
                        List.of(String.valueOf(limit.count()), String.valueOf(limit.window().toMillis()),
                                String.valueOf(sequence.incrementAndGet())))
                .next()
                .filter(wait -> wait > 0)
                .map(Duration::ofMillis);
    }
}
