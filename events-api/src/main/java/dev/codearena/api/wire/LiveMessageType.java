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
    /** Sabotage phase 1: a sabotage went to validation or was refused (with the reason). */
    public static final String SABOTAGE = "match:sabotage";
    /** A player forfeited. */
    public static final String FORFEIT = "match:forfeit";
    /** Final standings and rating changes. */
    public static final String END = "match:end";
    /** The full {@link dev.codearena.api.live.LiveMatchView}; also what the gateway sends on (re)join. */
    public static final String STATE = "match:state";

    private static final java.util.Map<String, Class<? extends LivePayload>> PAYLOADS = java.util.Map.ofEntries(
            java.util.Map.entry(VERDICT, MatchVerdictPayload.class),
            java.util.Map.entry(LOCKOUT, MatchLockoutPayload.class),
            java.util.Map.entry(ELIMINATE, MatchEliminatePayload.class),
            java.util.Map.entry(GOLF, MatchGolfPayload.class),
            java.util.Map.entry(PHASE, MatchPhasePayload.class),
            java.util.Map.entry(ROUND, MatchRoundPayload.class),
            java.util.Map.entry(SUBMISSION, MatchSubmissionPayload.class),
            java.util.Map.entry(FORFEIT, MatchForfeitPayload.class),
            java.util.Map.entry(END, MatchEndPayload.class),
            java.util.Map.entry(SABOTAGE, MatchSabotagePayload.class),
            java.util.Map.entry(STATE, dev.codearena.api.live.LiveMatchView.class));

    private LiveMessageType() {
    }

    /** The payload record of a message type, or null for a type this contract does not define. */
    public static Class<? extends LivePayload> payloadClass(String type) {
        return PAYLOADS.get(type);
    }
}
