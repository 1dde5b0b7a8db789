package dev.codearena.api.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue of message types and their payload records. The gateway dispatches and validates
 * inbound frames by {@link #CLIENT_MESSAGES}; the JSON Schema ({@code docs/protocol.schema.json})
 * is generated from both maps. Match-stream messages published by the query side
 * ({@code match:state}, {@code match:lockout}, final {@code match:verdict}, {@code match:end}...) are
 * relayed verbatim and described by the {@code dev.codearena.api.live} contract.
 */
public final class WireProtocol {

    // --- client -> server
    public static final String MATCH_JOIN = "match:join";
    public static final String MATCH_LEAVE = "match:leave";
    public static final String MATCH_SUBMIT = "match:submit";
    public static final String MATCH_FORFEIT = "match:forfeit";
    public static final String MATCH_CODE = "match:code";
    public static final String QUEUE_JOIN = "lobby:queue";
    public static final String QUEUE_LEAVE = "lobby:leave";
    public static final String LOBBY_CREATE = "lobby:create";
    public static final String LOBBY_JOIN = "lobby:join";
    public static final String LOBBY_EXIT = "lobby:exit";
    public static final String LOBBY_SETTINGS = "lobby:settings";
    public static final String LOBBY_START = "lobby:start";
    public static final String SPECTATE_JOIN = "spectate:join";
    public static final String SPECTATE_LEAVE = "spectate:leave";
    public static final String SPECTATE_LIST = "spectate:list";
    public static final String CHAT_SEND = "chat:send";
    public static final String CHAT_REMOVE = "chat:remove";

    // --- server -> client (gateway-originated)
    public static final String WELCOME = "session:welcome";
    public static final String ACK = "ack";
    public static final String ERROR = "error";
    public static final String MATCH_STATE = "match:state";
    public static final String MATCH_SUBMITTED = "match:submitted";
    public static final String MATCH_VERDICT = "match:verdict";
    public static final String MATCH_TICK = "match:tick";
    public static final String QUEUED = "lobby:queued";
    public static final String LEFT = "lobby:left";
    public static final String FOUND = "lobby:found";
    public static final String LOBBY_UPDATE = "lobby:update";
    public static final String LIVE_MATCHES = "spectate:live";
    public static final String CHAT_MESSAGE = "chat:message";
    public static final String CHAT_REMOVED = "chat:removed";
    public static final String CHAT_HISTORY = "chat:history";

    /** Every message a client may send, with the record its payload binds to. */
    public static final Map<String, Class<?>> CLIENT_MESSAGES = ordered(
            MATCH_JOIN, MatchJoin.class,
            MATCH_LEAVE, MatchLeave.class,
            MATCH_SUBMIT, MatchSubmit.class,
            MATCH_FORFEIT, MatchForfeit.class,
            MATCH_CODE, MatchCodeRequest.class,
            QUEUE_JOIN, QueueJoin.class,
            QUEUE_LEAVE, QueueLeave.class,
            LOBBY_CREATE, LobbyCreate.class,
            LOBBY_JOIN, LobbyJoin.class,
            LOBBY_EXIT, LobbyExit.class,
            LOBBY_SETTINGS, LobbyConfigure.class,
            LOBBY_START, LobbyStart.class,
            SPECTATE_JOIN, SpectateJoin.class,
            SPECTATE_LEAVE, SpectateLeave.class,
            SPECTATE_LIST, SpectateList.class,
            CHAT_SEND, ChatSend.class,
            CHAT_REMOVE, ChatRemove.class);

    /** Every message the gateway itself sends, with its payload record. */
    public static final Map<String, Class<?>> SERVER_MESSAGES = ordered(
            WELCOME, SessionWelcome.class,
            ACK, Ack.class,
            ERROR, WireError.class,
            MATCH_SUBMITTED, SubmissionAccepted.class,
            MATCH_VERDICT, TestVerdict.class,
            MATCH_TICK, MatchTick.class,
            MATCH_CODE, SabotageCode.class,
            QUEUED, QueueStatus.class,
            LEFT, QueueStatus.class,
            FOUND, MatchFound.class,
            LOBBY_UPDATE, LobbyState.class,
            LIVE_MATCHES, LiveMatches.class,
            CHAT_MESSAGE, ChatMessage.class,
            CHAT_REMOVED, ChatRemoved.class,
            CHAT_HISTORY, ChatHistory.class);

    private WireProtocol() {
    }

    private static Map<String, Class<?>> ordered(Object... pairs) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Class<?>) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
