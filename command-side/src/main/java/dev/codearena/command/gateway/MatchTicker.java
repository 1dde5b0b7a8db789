package dev.codearena.command.gateway;

import dev.codearena.api.wire.MatchTick;
import dev.codearena.api.wire.WireProtocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code match:tick} every second to every local member of every live match room, computed from the
 * server's clock and the end time in the match's live view. Each instance ticks its own members, so
 * ticks cost no Redis traffic beyond one MGET of the views per second.
 */
final class MatchTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MatchTicker.class);

    private final RoomHub rooms;
    private final LiveViews views;
    private final Frames frames;
    private final Clock clock;
    private final Duration interval;
    private volatile Disposable ticking;

    MatchTicker(RoomHub rooms, LiveViews views, Frames frames, Clock clock, Duration interval) {
        this.rooms = rooms;
        this.views = views;
        this.frames = frames;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void start() {
        // aligned to the server clock's whole intervals (…:00.000, …:01.000): every instance ticks at
        // the same instants, and the ticks of all matches go out together once per interval
        long period = interval.toMillis();
        long untilAligned = period - Math.floorMod(clock.millis(), period);
        ticking = Flux.interval(Duration.ofMillis(untilAligned), interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(n -> tick().onErrorResume(e -> {
                    log.warn("tick failed", e);
                    return reactor.core.publisher.Mono.empty();
                }), 1)
                .subscribe();
    }

    reactor.core.publisher.Mono<Void> tick() {
        List<String> matchIds = rooms.channels().stream()
                .filter(c -> c.startsWith(Channels.LIVE_MATCH_PREFIX))
                .map(c -> c.substring(Channels.LIVE_MATCH_PREFIX.length()))
                .toList();
        return views.views(matchIds).doOnNext(found -> {
            Instant now = clock.instant();
            for (int i = 0; i < matchIds.size(); i++) {
                String matchId = matchIds.get(i);
                MatchClock.endsAt(frames.mapper(), found.get(i)).ifPresent(endsAt -> {
                    long remaining = Math.max(0, Duration.between(now, endsAt).toMillis());
                    rooms.sendLocal(Channels.liveMatch(matchId),
                            frames.push(WireProtocol.MATCH_TICK, new MatchTick(matchId, endsAt, remaining, now)));
                });
            }
        }).then();
    }

    @Override
    public void stop() {
        Disposable current = ticking;
        if (current != null) {
            current.dispose();
        }
        ticking = null;
    }

    @Override
    public boolean isRunning() {
        return ticking != null;
    }
}
