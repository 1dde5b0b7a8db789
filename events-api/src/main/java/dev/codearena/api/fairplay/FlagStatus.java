package dev.codearena.api.fairplay;

/** Where an admin's review of a flag stands; every flag starts {@link #OPEN}. */
public enum FlagStatus {
    OPEN,
    /** Reviewed: not cheating (e.g. a shared public snippet). */
    DISMISSED,
    /** Reviewed: cheating. */
    CONFIRMED
}
