package dev.codearena.command.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Rooms shared by every gateway instance through Redis pub/sub. An instance subscribes to a room's
 * channel once, when its first local member joins, and fans every message out to its local members;
 * it unsubscribes when the last one leaves. Frames are relayed as the strings they arrive as (no
 * re-serialisation per member), which is what makes 2,000 spectators of one match cheap.
 * <p>
 * All rooms share ONE subscription on one pub/sub connection, and each incoming message is routed
 * to its room by a map lookup on its channel. (One subscription per room on the shared connection
 * of a {@code ReactiveRedisMessageListenerContainer} made the client hand every message to every
 * room's listener: with 2,000 connections, thousands of listener calls per relayed message.) The
 * SUBSCRIBE and UNSUBSCRIBE commands are queued under the rooms' lock to one thread that issues
 * them (never a Redis client thread, whose own writes would skip the client's queue), so Redis gets
 * them in the order the rooms were opened and closed.
 */
class RoomHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoomHub.class);

    private final ReactiveRedisConnectionFactory connections;
    private final ReactiveStringRedisTemplate redis;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private volatile ReactiveRedisConnection connection;
    private volatile ReactiveSubscription subscription;
    private volatile Disposable receiving;
    private final Scheduler commands = Schedulers.newSingle("gateway-rooms", true);
    private volatile Relayed observer = Relayed.NONE;

    RoomHub(ReactiveRedisConnectionFactory connections, ReactiveStringRedisTemplate redis) {
        this.connections = connections;
        this.redis = redis;
    }

    @Override
    public void start() {
        connection = connections.getReactiveConnection();
        subscription = connection.pubSubCommands().createSubscription().block(Duration.ofSeconds(30));
        receiving = subscription.receive().subscribe(this::relay, e -> log.warn("rooms stopped relaying", e));
    }

    /** Before the web server, so connections find it started, and stopped after it. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void stop() {
        Disposable current = receiving;
        receiving = null;
        if (current != null) {
            current.dispose();
        }
        if (subscription != null) {
            subscription.cancel().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
        }
        if (connection != null) {
            connection.close();
        }
        commands.dispose();
    }

    @Override
    public boolean isRunning() {
        return receiving != null;
    }

    /**
     * Sees every frame relayed to a room, before its members get it (so what a member is sent is
     * never missing from what the observer has seen), and every room this instance stops following.
     */
    void observe(Relayed observer) {
        this.observer = observer;
    }

    private void relay(ReactiveSubscription.Message<ByteBuffer, ByteBuffer> message) {
        String channel = StandardCharsets.UTF_8.decode(message.getChannel()).toString();
        Room room = rooms.get(channel);
        if (room != null) {
            String frame = StandardCharsets.UTF_8.decode(message.getMessage()).toString();
            observer.relayed(channel, frame);
            FanOut.deliver(room.members, frame);
        }
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
                observer.closed(channel);
                subscription.unsubscribe(bytes(channel)).subscribeOn(commands)
                        .subscribe(null, e -> log.debug("cannot unsubscribe from room {}", channel, e));
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

    /** Called under the rooms' lock: the SUBSCRIBE is queued now, in order with the other rooms' commands. */
    private Room open(String channel) {
        Room room = new Room();
        room.ready = subscription.subscribe(bytes(channel)).subscribeOn(commands).cache();
        room.ready.subscribe(null, e -> log.warn("cannot subscribe to room {}", channel, e));
        return room;
    }

    private static ByteBuffer bytes(String channel) {
        return ByteBuffer.wrap(channel.getBytes(StandardCharsets.UTF_8));
    }

    /** What {@link #observe} is told. */
    interface Relayed {
        Relayed NONE = new Relayed() {
            @Override
            public void relayed(String channel, String frame) {
            }

            @Override
            public void closed(String channel) {
            }
        };

        void relayed(String channel, String frame);

        /** Called under the rooms' lock: nothing is relayed to the room from now on. */
        void closed(String channel);
    }

    private static final class Room {
        final Set<Member> members = ConcurrentHashMap.newKeySet();
        volatile Mono<Void> ready;
    }
}
