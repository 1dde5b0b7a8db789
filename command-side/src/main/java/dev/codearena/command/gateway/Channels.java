package dev.codearena.command.gateway;

/** Redis channel and key names of the rooms. */
public final class Channels {

    /** The query side's live spectator view of a match (a JSON string), and its change channel. */
    public static final String LIVE_MATCH_PREFIX = "codearena:live:match:";

    private Channels() {
    }

    public static String liveMatch(String matchId) {
        return LIVE_MATCH_PREFIX + matchId;
    }

    /** Players of a match (in-match chat). */
    static String matchPlayers(String matchId) {
        return "codearena:gw:room:match:" + matchId + ":players";
    }

    /** Spectators of a match (spectator chat). */
    static String matchSpectators(String matchId) {
        return "codearena:gw:room:match:" + matchId + ":spectators";
    }

    /** Everything addressed to one player, on whichever instance their connections are. */
    public static String user(String playerId) {
        return "codearena:gw:user:" + playerId;
    }

    static final String GLOBAL_CHAT = "codearena:gw:chat:global";
}
