package dev.codearena.command.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.wire.Envelope;
import java.util.Collection;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pushes a message to players wherever they are connected (their personal room on every instance),
 * and to other rooms by channel. Used by matchmaking, lobbies and chat.
 */
public class UserNotifier {

    private final ReactiveStringRedisTemplate redis;
    private final ObjectMapper mapper;

    public UserNotifier(ReactiveStringRedisTemplate redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    public Mono<Void> notify(Collection<String> playerIds, String type, Object payload) {
        String frame = frame(type, payload);
        return Flux.fromIterable(playerIds).flatMap(id -> redis.convertAndSend(Channels.user(id), frame)).then();
    }

    /** Publishes to a room channel (see {@link ChatRooms}). */
    public Mono<Void> publish(String channel, String type, Object payload) {
        return redis.convertAndSend(channel, frame(type, payload)).then();
    }

    private String frame(String type, Object payload) {
        try {
            return mapper.writeValueAsString(Envelope.push(type, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
