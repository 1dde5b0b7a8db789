package dev.codearena.command.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.wire.ChatChannel;
import dev.codearena.api.wire.ChatMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatRingTest {

    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");

    @Test
    void keepsTheLatestInOrderOfSendingWithoutDuplicates() {
        ChatRing ring = new ChatRing(3);
        ring.filled(List.of(message("a", 1), message("b", 2)));
        ring.add(message("d", 4));
        ring.add(message("c", 3)); // from another instance, a little late
        ring.add(message("d", 4)); // the same message seen twice
        assertThat(ids(ring.latest(10))).containsExactly("b", "c", "d");
        assertThat(ids(ring.latest(2))).containsExactly("c", "d");
        ring.add(message("e", 5));
        assertThat(ids(ring.latest(10))).containsExactly("c", "d", "e");
    }

    @Test
    void removalsLeaveTheHistoryAndOlderMessagesMoveUp() {
        ChatRing ring = new ChatRing(4);
        ring.filled(List.of(message("a", 1), message("b", 2), message("c", 3), message("d", 4)));
        long before = ring.version();
        ring.remove("d");
        ring.remove("unknown");
        assertThat(ring.version()).isGreaterThan(before);
        assertThat(ids(ring.latest(3))).containsExactly("a", "b", "c");
    }

    @Test
    void changesDuringAFillAreReplayedOntoWhatTheStoreReturned() {
        ChatRing ring = new ChatRing(5);
        ring.filled(List.of(message("old", 0)));
        ring.fillStarted();
        ring.add(message("c", 3));   // the store may have missed it
        ring.remove("a");            // the store read before the removal
        ring.add(message("b", 2));   // the store has it too
        ring.filled(List.of(message("a", 1), message("b", 2)));
        assertThat(ids(ring.latest(10))).containsExactly("b", "c");
        ring.add(message("d", 4));   // after the fill: no longer remembered, simply applied
        ring.fillStarted();
        ring.filled(List.of(message("b", 2), message("c", 3), message("d", 4), message("e", 5)));
        assertThat(ids(ring.latest(10))).containsExactly("b", "c", "d", "e");
    }

    private static ChatMessage message(String id, int second) {
        return new ChatMessage(id, ChatChannel.GLOBAL, null, "p", "h", "text " + id, T0.plusSeconds(second));
    }

    private static List<String> ids(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::messageId).toList();
    }
}
