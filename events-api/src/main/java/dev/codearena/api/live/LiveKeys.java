package dev.codearena.api.live;

import dev.codearena.api.match.MatchId;

/**
 * Redis names of the live spectator contract. The query side's {@code live-views} projection is the
 * only writer of the view keys and the only publisher on the match channels; the gateway reads the
 * view for {@code match:state} on (re)join and relays every channel message verbatim to the room.
 *
 * <ul>
 *   <li>{@link #view(MatchId)} — a string key holding the JSON of a {@link LiveMatchView}; it exists
 *       while the match is live and for {@link #ENDED_VIEW_TTL_SECONDS} after it ended.</li>
 *   <li>{@link #channel(MatchId)} — pub/sub channel: each message is a
 *       {@link dev.codearena.api.wire.LiveMessage} JSON {@code {"type":..., "payload":...}}.</li>
 *   <li>{@link #LIVE_MATCHES} — sorted set of the ids of live matches, scored by creation time
 *       (epoch millis): the spectator list.</li>
 *   <li>{@link #spectators(MatchId)} — an integer counter owned by the gateway (INCR on join,
 *       DECR on leave); the query side reads it into {@link LiveMatchView#spectators()}.</li>
 *   <li>{@link #LEADERBOARD_CHANNEL} — pub/sub channel telling subscribers a leaderboard changed
 *       (message: {@link dev.codearena.api.wire.LeaderboardChanged}).</li>
 * </ul>
 */
public final class LiveKeys {

    public static final String PREFIX = "codearena:live:";
    public static final String LIVE_MATCHES = PREFIX + "matches";
    public static final String LEADERBOARD_CHANNEL = PREFIX + "leaderboard";
    /** Channels of all matches, for a pattern subscription ({@code PSUBSCRIBE}). */
    public static final String MATCH_CHANNEL_PATTERN = PREFIX + "match:*";
    /** How long a finished match's view stays readable (the end screen of late spectators). */
    public static final long ENDED_VIEW_TTL_SECONDS = 600;

    private LiveKeys() {
    }

    public static String view(MatchId matchId) {
        return PREFIX + "match:" + matchId.value();
    }

    /** Same name as the view key: one name per match, a string key and a pub/sub channel never clash. */
    public static String channel(MatchId matchId) {
        return view(matchId);
    }

    public static String spectators(MatchId matchId) {
        return PREFIX + "spectators:" + matchId.value();
    }
}
