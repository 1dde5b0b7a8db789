package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import java.util.List;

/** {@code lobby:found}: you are in a new match; send {@code match:join} to receive it. */
public record MatchFound(MatchId matchId, MatchMode mode, List<FoundPlayer> players, String lobbyCode) {

    /** One opponent (or you) as matched. */
    public record FoundPlayer(String playerId, String handle, int rating) {
    }
}
