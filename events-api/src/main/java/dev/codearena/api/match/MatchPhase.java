package dev.codearena.api.match;


/**
 * Where a match is in its lifecycle; Blitz/Golf run in RUNNING, Battle Royale in ROUND, Sabotage in
 * SABOTAGE then REPAIR. CLOSING: time is up, waiting for verdicts of submissions made in time.
 */
public enum MatchPhase {
    SCHEDULED, RUNNING, ROUND, SABOTAGE, REPAIR, CLOSING, ENDED, CANCELLED
}
