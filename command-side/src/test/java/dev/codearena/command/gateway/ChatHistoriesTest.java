package dev.codearena.command.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.codearena.api.wire.ChatChannel;
import dev.codearena.api.wire.ChatMessage;
import dev.codearena.api.wire.ChatRemoved;
import dev.codearena.api.wire.WireProtocol;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chat frames are told from the other frames a room relays by how they start, without parsing. */
class ChatHistoriesTest {

    private final Frames frames = new Frames(JsonMapper.builder().findAndAddModules().build());

    @Test
    void chatFramesAsTheyAreWrittenAreChatAndOtherPushesAreNot() {
        ChatMessage message = new ChatMessage("m-1", ChatChannel.MATCH, "match-1", "alice", "alice",
                "{\"type\":\"match:verdict\"}", Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(ChatHistories.isChat(frames.push(WireProtocol.CHAT_MESSAGE, message))).isTrue();
        assertThat(ChatHistories.isChat(frames.push(WireProtocol.CHAT_REMOVED, new ChatRemoved("m-1", ChatChannel.MATCH, "match-1"))))
                .isTrue();

        assertThat(ChatHistories.isChat(frames.push(WireProtocol.MATCH_VERDICT, Map.of("note", "{\"type\":\"chat:message\"}"))))
                .isFalse();
        assertThat(ChatHistories.isChat(frames.push(WireProtocol.MATCH_TICK, Map.of("remainingMs", 1000)))).isFalse();
        assertThat(ChatHistories.isChat(frames.replyRaw(WireProtocol.MATCH_STATE, null, "{\"chat:message\":1}"))).isFalse();
    }
}
