package dev.codearena.command.gateway;

import dev.codearena.api.wire.ChatChannel;

/** The room a chat channel (and match) maps to. */
public final class ChatRooms {

    private ChatRooms() {
    }

    public static String of(ChatChannel channel, String matchId) {
        return switch (channel) {
            case GLOBAL -> Channels.GLOBAL_CHAT;
            case MATCH -> Channels.matchPlayers(matchId);
            case SPECTATORS -> Channels.matchSpectators(matchId);
        };
    }
}
