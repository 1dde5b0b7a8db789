package dev.codearena.command.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.wire.ChatChannel;
import dev.codearena.api.wire.ChatHistory;
import dev.codearena.api.wire.ChatMessage;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.chat.ChatService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Sends a connection the recent messages of a chat channel it has just entered, from a ring kept in
 * memory per room on this instance, so that a burst of connections is not a burst of store queries.
 * A ring is filled from the store once, when the room is first followed here, and then kept current
 * by the rooms' Redis channels: every {@code chat:message} and {@code chat:removed} any instance
 * publishes. One subscription serves every ring (the global channel and two patterns for the match
 * rooms), each message routed to its ring by its channel, and dropped unread when this instance
 * keeps no ring for it. History is sent after the connection is in the room, so a message said
 * meanwhile may arrive twice (same {@code messageId}). The rooms relay on their own Redis
 * connection, so a message published at the very moment of the join can, in a narrow window, reach
 * the room just before the connection is in it and this ring just after the history was read.
 *
 * <p>A ring keeps twice the history size, so that removals do not shorten the history; it is filled
 * again every {@code codearena.chat.history-refill} (5 minutes: pub/sub forgets what it could not
 * deliver, e.g. while Redis reconnected), and a match's rings are dropped once nobody on this
 * instance has been in their room for a while. History is a courtesy: failing to read it never
 * fails the join.
 */
final class ChatHistories implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatHistories.class);

    private static final Duration IDLE_BEFORE_DROP = Duration.ofMinutes(2);
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final ChatService chat;
    private final Frames frames;
    private final int size;
    private final ReactiveRedisMessageListenerContainer container;
    private final RoomHub rooms;
    private final ObjectMapper mapper;
    private final Duration refillAfter;
    private final Map<String, FollowedRoom> followed = new ConcurrentHashMap<>();
    private volatile Mono<Void> listening;
    private volatile Disposable subscription;

    ChatHistories(ChatService chat, Frames frames, int size, ReactiveRedisMessageListenerContainer container, RoomHub rooms,
                  Duration refillAfter) {
        this.chat = chat;
        this.frames = frames;
        this.size = size;
        this.container = container;
        this.rooms = rooms;
        this.refillAfter = refillAfter;
        this.mapper = frames.mapper();
        this.listening = listen();
        follow(ChatChannel.GLOBAL, null).subscribe();
    }

    Mono<Void> send(GatewaySession session, ChatChannel channel, String matchId) {
        return followed(channel, matchId)
                .doOnNext(room -> session.send(room.historyFrame()))
                .then();
    }

    /**
     * Starts keeping the room's history here if it is not kept yet; completes when it is filled (the
     * first connection to enter a room then waits for the store before it is in the room, not after).
     */
    Mono<Void> follow(ChatChannel channel, String matchId) {
        return followed(channel, matchId).then();
    }

    private Mono<FollowedRoom> followed(ChatChannel channel, String matchId) {
        if (size <= 0) {
            return Mono.empty();
        }
        String channelName = ChatRooms.of(channel, matchId);
        FollowedRoom room = followed.computeIfAbsent(channelName, name -> open(name, channel, matchId));
        room.lastUsed = System.nanoTime();
        return room.ready.thenReturn(room).onErrorResume(e -> {
            log.warn("chat history of {} {} not available", channel, matchId, e);
            drop(room);
            return Mono.empty();
        });
    }

    private FollowedRoom open(String channelName, ChatChannel channel, String matchId) {
        FollowedRoom room = new FollowedRoom(channelName, channel, matchId, new ChatRing(size * 2));
        // subscribed before the store is read, so nothing said in between is lost
        room.ready = listening.then(Mono.defer(() -> fill(room))).cache();
        return room;
    }

    /** One subscription for every ring; completes once Redis acknowledged it. */
    private Mono<Void> listen() {
        Mono<Void> ready = container.receiveLater(List.of(ChannelTopic.of(Channels.GLOBAL_CHAT),
                                PatternTopic.of(Channels.matchPlayers("*")), PatternTopic.of(Channels.matchSpectators("*"))),
                        RedisSerializationContext.SerializationPair.fromSerializer(RedisSerializer.string()),
                        RedisSerializationContext.SerializationPair.fromSerializer(RedisSerializer.string()))
                .doOnNext(messages -> subscription = messages.subscribe(this::route, e -> {
                    // every ring may have missed messages from now on: forget them all and subscribe again
                    log.warn("chat histories stopped following the rooms; subscribing again", e);
                    listening = listen();
                    followed.clear();
                }))
                .then()
                .doOnError(e -> log.warn("chat histories cannot follow the rooms", e))
                // a failed subscription is tried again by the next room, a successful one serves for good
                .cache(done -> FOREVER, e -> Duration.ZERO, () -> FOREVER);
        ready.subscribe(null, e -> { });
        return ready;
    }

    private void route(ReactiveSubscription.Message<String, String> message) {
        FollowedRoom room = followed.get(message.getChannel());
        if (room != null) {
            apply(room.ring, message.getMessage());
        }
    }

    private Mono<Void> fill(FollowedRoom room) {
        room.ring.fillStarted();
        return chat.recent(room.channel, room.matchId, size * 2)
                .doOnNext(stored -> {
                    room.ring.filled(stored);
                    room.filledAt = System.nanoTime();
                })
                .doFinally(signal -> room.ring.fillEnded())
                .then();
    }

    private void apply(ChatRing ring, String frame) {
        try {
            JsonNode envelope = mapper.readTree(frame);
            String type = envelope.path("type").asText();
            if (WireProtocol.CHAT_MESSAGE.equals(type)) {
                ring.add(mapper.treeToValue(envelope.path("payload"), ChatMessage.class));
            } else if (WireProtocol.CHAT_REMOVED.equals(type)) {
                ring.remove(envelope.path("payload").path("messageId").asText());
            }
        } catch (Exception e) {
            log.warn("chat frame not understood, history left as it was: {}", frame, e);
        }
    }

    /** Drops the rings of match rooms nobody here is in any more; fills the others again now and then. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void maintain() {
        long now = System.nanoTime();
        for (FollowedRoom room : followed.values()) {
            if (room.channel != ChatChannel.GLOBAL && rooms.localMembers(room.channelName) == 0
                    && now - room.lastUsed > IDLE_BEFORE_DROP.toNanos()) {
                drop(room);
            } else if (room.filledAt != 0 && now - room.filledAt > refillAfter.toNanos() && room.refilling.compareAndSet(false, true)) {
                fill(room).doFinally(signal -> room.refilling.set(false))
                        .subscribe(null, e -> log.warn("chat history of {} not filled again", room.channelName, e));
            }
        }
    }

    int followedRooms() {
        return followed.size();
    }

    private void drop(FollowedRoom room) {
        followed.remove(room.channelName, room);
    }

    @Override
    public void close() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
    }

    private final class FollowedRoom {
        final String channelName;
        final ChatChannel channel;
        final String matchId;
        final ChatRing ring;
        final AtomicBoolean refilling = new AtomicBoolean();
        volatile Mono<Void> ready;
        volatile long lastUsed;
        volatile long filledAt;
        private volatile HistoryFrame frame;

        FollowedRoom(String channelName, ChatChannel channel, String matchId, ChatRing ring) {
            this.channelName = channelName;
            this.channel = channel;
            this.matchId = matchId;
            this.ring = ring;
        }

        /** Serialised once per change of the ring, not once per connection. */
        String historyFrame() {
            long version = ring.version();
            HistoryFrame last = frame;
            if (last == null || last.version != version) {
                last = new HistoryFrame(version,
                        frames.push(WireProtocol.CHAT_HISTORY, new ChatHistory(channel, matchId, ring.latest(size))));
                frame = last;
            }
            return last.frame;
        }
    }

    private record HistoryFrame(long version, String frame) {
    }
}
