package dev.codearena.command.matchmaking;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a matchmaking pass per mode every {@code passInterval}. Each pass takes the mode's Redis lock
 * (so passes on different gateway instances never overlap), reads the queue, groups it
 * ({@link MatchmakingPass}), claims each group atomically and releases the lock; the matches are then
 * created outside the lock.
 */
class Matchmaker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Matchmaker.class);
    private static final Duration LOCK_TTL = Duration.ofSeconds(10);

    private final MatchQueue queue;
    private final MatchStarter starter;
    private final MatchmakingProperties properties;
    private final Clock clock;
    private final Map<MatchMode, AtomicLong> depth = new EnumMap<>(MatchMode.class);
    private volatile Disposable running;

    Matchmaker(MatchQueue queue, MatchStarter starter, MatchmakingProperties properties, Clock clock, MeterRegistry meters) {
        this.queue = queue;
        this.starter = starter;
        this.properties = properties;
        this.clock = clock;
        for (MatchMode mode : MatchMode.values()) {
            AtomicLong value = new AtomicLong();
            depth.put(mode, value);
            Gauge.builder("match_queue_depth", value, AtomicLong::get).tag("mode", mode.name())
                    .description("Players waiting in the matchmaking queue of a mode").register(meters);
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = Flux.interval(properties.passInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> Flux.fromArray(MatchMode.values())
                        .concatMap(mode -> pass(mode).onErrorResume(e -> {
                            log.warn("matchmaking pass for {} failed", mode, e);
                            return Mono.empty();
                        })), 1)
                .subscribe();
    }

    /** One pass for one mode; empty when another instance holds the lock. Emits the groups claimed. */
    Mono<List<List<QueuedPlayer>>> pass(MatchMode mode) {
        return claimPass(mode).flatMap(claimed -> Flux.fromIterable(claimed)
                .flatMap(players -> {
                    MatchId matchId = MatchId.of(UUID.randomUUID().toString());
                    return starter.start(matchId, plan(mode), players)
                            .onErrorResume(e -> {
                                log.warn("could not start match {} for {}", matchId, players, e);
                                return starter.abandon(players, e).then(Mono.empty());
                            });
                }, 8)
                .then(Mono.just(claimed)));
    }

    /**
     * The part of a pass that runs under the lock: read, group, claim (what the benchmark times). Emits
     * the groups claimed; their matches are created afterwards, outside the lock.
     */
    Mono<List<List<QueuedPlayer>>> claimPass(MatchMode mode) {
        return queue.lock(mode, LOCK_TTL).flatMap(token -> claimGroups(mode)
                .flatMap(claimed -> queue.unlock(mode, token).thenReturn(claimed))
                .onErrorResume(e -> queue.unlock(mode, token).then(Mono.error(e))));
    }

    private Mono<List<List<QueuedPlayer>>> claimGroups(MatchMode mode) {
        long now = clock.millis();
        return queue.snapshot(mode).flatMap(snapshot -> {
            depth.get(mode).set(snapshot.players().size());
            List<List<QueuedPlayer>> groups = MatchmakingPass.groups(snapshot.players(), now, properties.rules(mode));
            return queue.claimAll(mode, snapshot.removals(), groups).map(claimedFlags -> {
                List<List<QueuedPlayer>> claimed = new ArrayList<>();
                for (int i = 0; i < groups.size(); i++) {
                    if (claimedFlags.get(i)) {
                        claimed.add(groups.get(i));
                    }
                }
                depth.get(mode).addAndGet(-claimed.stream().mapToLong(List::size).sum());
                return claimed;
            });
        });
    }

    private MatchStarter.Plan plan(MatchMode mode) {
        MatchmakingProperties.Mode m = properties.modes().get(mode);
        return new MatchStarter.Plan(mode, m.durationSeconds(), m.startDelaySeconds(), m.problemCount(), m.maxDifficulty(), null);
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

}
