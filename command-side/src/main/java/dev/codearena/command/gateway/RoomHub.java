package dev.codearena.command.gateway;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Rooms shared by every gateway instance through Redis pub/sub. An instance subscribes to a room's
 * channel once, when its first local member joins, and fans every message out to its local members;
 * it unsubscribes when the last one leaves. Frames are relayed as the strings they arrive as (no
 * re-serialisation per member), which is what makes 2,000 spectators of one match cheap.
 */
class RoomHub {

    private static final Logger log = LoggerFactory.getLogger(RoomHub.class);

    private final ReactiveRedisMessageListenerContainer container;
    private final ReactiveStringRedisTemplate redis;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicLong relayed = new AtomicLong();

    RoomHub(ReactiveRedisMessageListenerContainer container, ReactiveStringRedisTemplate redis) {
        this.container = container;
        this.redis = redis;
    }

    /**
     * Adds a member; completes once this instance's subscription to the channel is acknowledged by
     * Redis, so anything published after that is delivered (stack-notes 7).
     */
    Mono<Void> join(String channel, Member member) {
        Room room;
        synchronized (rooms) {
            room = rooms.computeIfAbsent(channel, this::open);
            room.members.add(member);
        }
        return room.ready;
    }

    void leave(String channel, Member member) {
        synchronized (rooms) {
            Room room = rooms.get(channel);
            if (room != null && room.members.remove(member) && room.members.isEmpty()) {
                rooms.remove(channel);
                room.close();
            }
        }
    }

    /** Publishes to every member of the room on every instance (this one included, through Redis). */
    Mono<Long> publish(String channel, String frame) {
        return redis.convertAndSend(channel, frame);
    }

    /** Sends to this instance's members only (per-instance pushes such as ticks). */
    void sendLocal(String channel, String frame) {
        Room room = rooms.get(channel);
        if (room != null) {
            FanOut.deliver(room.members, frame);
        }
    }

    Set<String> channels() {
        return rooms.keySet();
    }

    int localMembers(String channel) {
        Room room = rooms.get(channel);
        return room == null ? 0 : room.members.size();
    }

    long relayedFrames() {
        return relayed.get();
    }

    private Room open(String channel) {
        Room room = new Room();
        Mono<Void> ready = container.receiveLater(ChannelTopic.of(channel))
                .doOnNext(messages -> room.subscription = messages
                        .map(ReactiveSubscription.Message::getMessage)
                        .subscribe(frame -> {
                            FanOut.deliver(room.members, frame);
                            relayed.incrementAndGet();
                        }, e -> log.warn("room {} stopped relaying", channel, e)))
                .then()
                .cache();
        room.ready = ready;
        ready.subscribe(null, e -> log.warn("cannot subscribe to room {}", channel, e));
        return room;
    }

    private static final class Room {
        final Set<Member> members = ConcurrentHashMap.newKeySet();
        volatile Mono<Void> ready;
        volatile Disposable subscription;

        void close() {
            ready.subscribe(null, e -> { }, () -> {
                if (subscription != null) {
                    subscription.dispose();
                }
            });
        }
    }
}
