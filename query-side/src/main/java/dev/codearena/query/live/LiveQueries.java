package dev.codearena.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.live.LiveKeys;
import dev.codearena.api.live.LiveMatchView;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.query.ResultPage;
import dev.codearena.query.read.Paging;
import dev.codearena.query.read.ReadModelGuard;
import java.util.List;
import org.springframework.data.domain.Range;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of the live spectator views in Redis, and live subscriptions (Redis pub/sub, so they work
 * whichever instance published). A subscription starts with the current state as a {@code match:state}
 * message, then relays the match channel verbatim.
 */
@Service
public class LiveQueries implements DisposableBean {

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer listeners;
    private final ObjectMapper json;
    private final ReadModelGuard guard;

    public LiveQueries(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections, ObjectMapper json,
                       ReadModelGuard guard) {
        this.redis = redis;
        // Its own listener container (not a shared bean), so other modules may declare theirs without ambiguity.
        this.listeners = new ReactiveRedisMessageListenerContainer(connections);
        this.json = json;
        this.guard = guard;
    }

    public Mono<LiveMatchView> view(String matchId) {
        MatchId id = MatchId.of(Paging.id("matchId", matchId));
        Mono<LiveMatchView> view = redis.opsForValue().get(LiveKeys.view(id))
                .map(this::parse)
                .zipWith(redis.opsForValue().get(LiveKeys.spectators(id)).map(Long::parseLong).defaultIfEmpty(0L),
                        LiveMatchView::withSpectators)
                .switchIfEmpty(Mono.error(() -> CodeArenaException.notFound(ErrorCode.MATCH_NOT_FOUND,
                        "match " + id + " is not live (see the match-detail API for finished matches)")));
        return guard.reading(ReadModelGuard.LIVE_VIEWS, view);
    }

    /** Live matches, newest first, as their current views. */
    public Mono<ResultPage<LiveMatchView>> liveMatches(int page, int size) {
        Paging.check(page, size);
        long start = (long) page * size;
        Mono<ResultPage<LiveMatchView>> result = redis.opsForZSet().size(LiveKeys.LIVE_MATCHES)
                .zipWith(redis.opsForZSet().reverseRange(LiveKeys.LIVE_MATCHES, Range.closed(start, start + size - 1))
                        .concatMap(id -> view(id).onErrorResume(CodeArenaException.class, e -> Mono.empty()))
                        .collectList())
                .map(t -> new ResultPage<>(t.getT2(), page, size, t.getT1()));
        return guard.reading(ReadModelGuard.LIVE_VIEWS, result);
    }

    /**
     * The match's messages as JSON strings: first its current state, then everything published. The
     * subscription is acknowledged before the state is read, so nothing published in between is lost
     * (a message may then repeat what the state already shows; {@code version} tells).
     */
    public Flux<String> follow(String matchId) {
        MatchId id = MatchId.of(Paging.id("matchId", matchId));
        return listeners.receiveLater(ChannelTopic.of(LiveKeys.channel(id)))
                .flatMapMany(messages -> view(id.value())
                        .map(v -> toJson(dev.codearena.api.wire.LiveMessage.of(v)))
                        .concatWith(messages.map(m -> m.getMessage())));
    }

    /** Leaderboard change notifications ({@link dev.codearena.api.wire.LeaderboardChanged} JSON). */
    public Flux<String> leaderboardChanges() {
        return listeners.receive(ChannelTopic.of(LiveKeys.LEADERBOARD_CHANNEL)).map(m -> m.getMessage());
    }

    @Override
    public void destroy() {
        listeners.destroyLater().subscribe();
    }

    private LiveMatchView parse(String stored) {
        try {
            return json.readValue(stored, LiveMatchView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable live view", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
