package dev.codearena.api.fairplay;

/** What a fair-play flag suspects (docs/fair-play.md explains each signal and its thresholds). */
public enum FlagKind {
    /** Two players' submissions for the same problem share most of their winnowed fingerprints. */
    PLAGIARISM,
    /** An Accepted solution typed faster than a person types, counted from when the problem was revealed. */
    BOT_SPEED,
    /** A player's solve times are machine-regular over several consecutive Accepted solutions. */
    BOT_REGULARITY,
    /** The same two players keep meeting in 1v1 matches that end one-sided (forfeits, no submission): win trading. */
    COLLUSION
}
