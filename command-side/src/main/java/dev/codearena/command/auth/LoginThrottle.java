package dev.codearena.command.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Brute-force protection: per (account name, client address), after {@code freeAttempts} failures
 * every further failure locks that pair out for a doubling time (1 s, 2 s, 4 s ... up to
 * {@code maxLockout}). Kept in Redis so every gateway instance sees the same counts; a success resets.
 * Keyed by the pair so an attacker cannot lock a victim out from another address.
 */
class LoginThrottle {

    private static final RedisScript<Long> RECORD_FAILURE = RedisScript.of("""
            local failures = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            local free = tonumber(ARGV[1])
            if failures > free then
              local lock = math.min(1000 * 2 ^ (failures - free - 1), tonumber(ARGV[2]))
              redis.call('SET', KEYS[2], '1', 'PX', math.floor(lock))
              return math.floor(lock)
            end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final int freeAttempts;
    private final Duration maxLockout;

    LoginThrottle(ReactiveStringRedisTemplate redis, int freeAttempts, Duration maxLockout) {
        this.redis = redis;
        this.freeAttempts = freeAttempts;
        this.maxLockout = maxLockout;
    }

    /** How long this pair is still locked out (zero when it may try). */
    Mono<Duration> lockRemaining(String login, String address) {
        return redis.getExpire(lockKey(login, address))
                .map(d -> d.isNegative() ? Duration.ZERO : d)
                .defaultIfEmpty(Duration.ZERO);
    }

    /** @return the lock-out that this failure started (zero while under the free attempts) */
    Mono<Duration> recordFailure(String login, String address) {
        return redis.execute(RECORD_FAILURE, List.of(failKey(login, address), lockKey(login, address)),
                        List.of(String.valueOf(freeAttempts), String.valueOf(maxLockout.toMillis()),
                                String.valueOf(maxLockout.multipliedBy(4).toMillis())))
                .next().map(Duration::ofMillis);
    }

    Mono<Void> reset(String login, String address) {
        return redis.delete(failKey(login, address), lockKey(login, address)).then();
    }

    private static String failKey(String login, String address) {
        return "auth:fail:" + login.toLowerCase(Locale.ROOT) + ":" + address;
    }

    private static String lockKey(String login, String address) {
        return "auth:lock:" + login.toLowerCase(Locale.ROOT) + ":" + address;
    }
}
