package dev.codearena.command.gateway;

import dev.codearena.api.wire.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent messages of one chat room, oldest first, at most {@code capacity} of them. Filled from
 * the store and then kept current by the room's own messages and removals. While a fill is under way
 * the changes that arrive are both applied and remembered, and replayed onto what the store returns:
 * the store may or may not have seen them, and applying a change twice is harmless (a message is
 * known by its id, a removal of an absent message does nothing).
 */
final class ChatRing {

    private final int capacity;
    private final ArrayList<ChatMessage> messages = new ArrayList<>();
    private List<Object> changesDuringFill;
    private long version;

    ChatRing(int capacity) {
        this.capacity = capacity;
    }

    synchronized void fillStarted() {
        changesDuringFill = new ArrayList<>();
    }

    /** @param stored the room's latest messages as the store has them, oldest first */
    synchronized void filled(List<ChatMessage> stored) {
        List<Object> changes = changesDuringFill == null ? List.of() : changesDuringFill;
        changesDuringFill = null;
        messages.clear();
        stored.forEach(this::insert);
        for (Object change : changes) {
            if (change instanceof ChatMessage message) {
                insert(message);
            } else {
                delete((String) change);
            }
        }
        version++;
    }

    /** After a fill, whether it succeeded or not: stops remembering changes. */
    synchronized void fillEnded() {
        changesDuringFill = null;
    }

    synchronized void add(ChatMessage message) {
        if (changesDuringFill != null) {
            changesDuringFill.add(message);
        }
        insert(message);
        version++;
    }

    synchronized void remove(String messageId) {
        if (changesDuringFill != null) {
            changesDuringFill.add(messageId);
        }
        delete(messageId);
        version++;
    }

    /** The latest {@code count} messages, oldest first. */
    synchronized List<ChatMessage> latest(int count) {
        return List.copyOf(messages.subList(Math.max(0, messages.size() - count), messages.size()));
    }

    /** Changes whenever the content may have; lets a caller reuse what it derived from the last read. */
    synchronized long version() {
        return version;
    }

    /** Keeps the order by time sent: messages of several instances may reach this one slightly out of order. */
    private void insert(ChatMessage message) {
        int at = messages.size();
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage known = messages.get(i);
            if (known.messageId().equals(message.messageId())) {
                return;
            }
            if (known.sentAt().isAfter(message.sentAt())) {
                at = i;
            }
        }
        messages.add(at, message);
        while (messages.size() > capacity) {
            messages.remove(0);
        }
    }

    private void delete(String messageId) {
        messages.removeIf(m -> m.messageId().equals(messageId));
    }
}
