package dev.codearena.api.match;


/**
 * What a submission is for; judged the same way, interpreted differently by the match.
 */
public enum SubmissionKind {
    /** A solution (Blitz, Golf, Battle Royale) or a repair (Sabotage phase 2). */
    SOLUTION,
    /** A sabotage being validated: must compile and fail at least one hidden test. */
    SABOTAGE_VALIDATION
}
