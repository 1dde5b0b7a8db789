package dev.codearena.api.wire;

/**
 * Types of the server-to-client match/spectate messages the query side publishes. The gateway owns
 * the others (envelopes, {@code match:tick}, lobby, chat, errors).
 */
public final class LiveMessageType {

    /** Final verdict of a solution/repair submission (never the code). */
    public static final String VERDICT = "match:verdict";
    /** Blitz: a problem was locked. */
    public static final String LOCKOUT = "match:lockout";
    /** Battle Royale: a player is out. */
    public static final String ELIMINATE = "match:eliminate";
    /** Golf: a player's best length improved. */
    public static final String GOLF = "match:golf";
    /** The match started, time ran up, or a phase (Sabotage repair) began; carries the new period's times. */
    public static final String PHASE = "match:phase";
    /** Battle Royale: a round started or ended. */
    public static final String ROUND = "match:round";
    /** A submission was received (pending judging) or refused; no code. */
    public static final String SUBMISSION = "match:submission";
    /** A player forfeited. */
    public static final String FORFEIT = "match:forfeit";
    /** Final standings and rating changes. */
    public static final String END = "match:end";
    /** The full {@link dev.codearena.api.live.LiveMatchView}; also what the gateway sends on (re)join. */
    public static final String STATE = "match:state";

    private static final java.util.Map<String, Class<? extends LivePayload>> PAYLOADS = java.util.Map.of(
            VERDICT, MatchVerdictPayload.class, LOCKOUT, MatchLockoutPayload.class,
            ELIMINATE, MatchEliminatePayload.class, GOLF, MatchGolfPayload.class, PHASE, MatchPhasePayload.class,
            ROUND, MatchRoundPayload.class, SUBMISSION, MatchSubmissionPayload.class,
            FORFEIT, MatchForfeitPayload.class, END, MatchEndPayload.class,
            STATE, dev.codearena.api.live.LiveMatchView.class);

    private LiveMessageType() {
    }

    /** The payload record of a message type, or null for a type this contract does not define. */
    public static Class<? extends LivePayload> payloadClass(String type) {
        return PAYLOADS.get(type);
    }
}
