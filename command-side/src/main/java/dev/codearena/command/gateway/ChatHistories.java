package dev.codearena.command.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.wire.ChatChannel;
import dev.codearena.api.wire.ChatHistory;
import dev.codearena.api.wire.ChatMessage;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.chat.ChatService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Sends a connection the recent messages of a chat channel it has just entered, from a ring kept in
 * memory per room on this instance, so that a burst of connections is not a burst of store queries.
 * A ring is filled from the store once, when the room is first followed here, and then kept current
 * by what the {@link RoomHub} relays to the room: every {@code chat:message} and {@code chat:removed}
 * any instance publishes, seen before the room's members get it, so a connection already in the room
 * finds in its history everything it was not sent live. History is sent after the connection is in
 * the room, so a message said meanwhile may arrive twice (same {@code messageId}).
 *
 * <p>A ring keeps twice the history size, so that removals do not shorten the history; it is filled
 * again every {@code codearena.chat.history-refill} (5 minutes: pub/sub forgets what it could not
 * deliver, e.g. while Redis reconnected), and it is dropped when the room is, once nobody on this
 * instance is in it (nothing keeps it current any more). History is a courtesy: failing to read it
 * never fails the join.
 */
final class ChatHistories implements RoomHub.Relayed {

    private static final Logger log = LoggerFactory.getLogger(ChatHistories.class);

    /**
     * How every chat frame starts: relayed frames are envelopes written type first ({@link UserNotifier},
     * {@link Frames}), and a match's players room relays all of the match's pushes besides its chat.
     */
    private static final String CHAT_FRAME_START = "{\"type\":\"chat:";

    private final ChatService chat;
    private final Frames frames;
    private final int size;
    private final RoomHub rooms;
    private final ObjectMapper mapper;
    private final Duration refillAfter;
    private final Map<String, FollowedRoom> followed = new ConcurrentHashMap<>();

    ChatHistories(ChatService chat, Frames frames, int size, RoomHub rooms, Duration refillAfter) {
        this.chat = chat;
        this.frames = frames;
        this.size = size;
        this.rooms = rooms;
        this.refillAfter = refillAfter;
        this.mapper = frames.mapper();
        rooms.observe(this);
    }

    Mono<Void> send(GatewaySession session, ChatChannel channel, String matchId) {
        return followed(channel, matchId)
                .doOnNext(room -> session.send(room.historyFrame()))
                .then();
    }

    /**
     * Starts keeping the room's history here if it is not kept yet; completes when it is filled. Called
     * once the connection is in the room, whose relaying is what keeps the ring current.
     */
    Mono<Void> follow(ChatChannel channel, String matchId) {
        return followed(channel, matchId).then();
    }

    /** Deferred: callers assemble it before the connection is in the room, and it must look when it is. */
    private Mono<FollowedRoom> followed(ChatChannel channel, String matchId) {
        return Mono.defer(() -> {
            if (size <= 0) {
                return Mono.empty();
            }
            String channelName = ChatRooms.of(channel, matchId);
            if (rooms.localMembers(channelName) == 0) {
                return Mono.empty(); // left already: nothing would keep a ring current
            }
            FollowedRoom room = followed.computeIfAbsent(channelName, name -> open(name, channel, matchId));
            return room.ready.thenReturn(room).onErrorResume(e -> {
                log.warn("chat history of {} {} not available", channel, matchId, e);
                drop(room);
                return Mono.empty();
            });
        });
    }

    private FollowedRoom open(String channelName, ChatChannel channel, String matchId) {
        FollowedRoom room = new FollowedRoom(channelName, channel, matchId, new ChatRing(size * 2));
        room.ready = Mono.defer(() -> fill(room)).cache();
        return room;
    }

    @Override
    public void relayed(String channel, String frame) {
        FollowedRoom room = followed.get(channel);
        if (room != null && isChat(frame)) {
            apply(room.ring, frame);
        }
    }

    @Override
    public void closed(String channel) {
        followed.remove(channel);
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

    /** Tells chat frames from the room's other traffic without parsing them. */
    static boolean isChat(String frame) {
        return frame.startsWith(CHAT_FRAME_START);
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

    /** Fills the rings again now and then; drops any whose room closed before it was kept (a join racing a leave). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void maintain() {
        long now = System.nanoTime();
        for (FollowedRoom room : followed.values()) {
            if (rooms.localMembers(room.channelName) == 0) {
                drop(room);
            } else if (room.filledAt != 0 && now - room.filledAt > refillAfter.toNanos() && room.refilling.compareAndSet(false, true)) {
                fill(room).doFinally(signal -> room.refilling.set(false))
                        .subscribe(null, e -> log.warn("chat history of {} not filled again", room.channelName, e));
            }
        }
    }

    private void drop(FollowedRoom room) {
        followed.remove(room.channelName, room);
    }

    private final class FollowedRoom {
        final String channelName;
        final ChatChannel channel;
        final String matchId;
        final ChatRing ring;
        final AtomicBoolean refilling = new AtomicBoolean();
        volatile Mono<Void> ready;
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
