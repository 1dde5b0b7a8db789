package dev.codearena.command.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the query side's live spectator views ({@code codearena:live:match:{id}}, JSON). */
class LiveViews {

    private final ReactiveStringRedisTemplate redis;

    LiveViews(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    Mono<String> view(String matchId) {
        return redis.opsForValue().get(Channels.liveMatch(matchId));
    }

    /**
     * The view, waiting a little for it when the match was only just created (the projection trails
     * the command by a few milliseconds to a second).
     */
    Mono<String> awaitView(String matchId, Duration patience) {
        long tries = Math.max(1, patience.toMillis() / 200);
        return Mono.defer(() -> view(matchId)).repeatWhenEmpty((int) tries, f -> f.delayElements(Duration.ofMillis(200)));
    }

    /** Views of several matches in one round trip, in order (null where absent). */
    Mono<List<String>> views(List<String> matchIds) {
        if (matchIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return redis.opsForValue().multiGet(matchIds.stream().map(Channels::liveMatch).toList());
    }

    Flux<String> channelsOf(List<String> matchIds) {
        return Flux.fromIterable(matchIds).map(Channels::liveMatch);
    }
}
