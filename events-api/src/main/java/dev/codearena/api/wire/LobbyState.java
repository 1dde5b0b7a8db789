package dev.codearena.api.wire;

import dev.codearena.api.match.MatchMode;
import java.util.List;

/** {@code lobby:update}: the full state of a private lobby, sent to every member on any change. */
public record LobbyState(String code, String hostId, MatchMode mode, LobbySettings settings,
                         List<Member> members, String status) {

    public static final String OPEN = "open";
    public static final String STARTED = "started";
    public static final String CLOSED = "closed";

    /** A member of the lobby. */
    public record Member(String playerId, String handle) {
    }
}
