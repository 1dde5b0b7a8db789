package dev.codearena.command.match;

/** Names of the Match aggregate's persistent deadlines and their payload. */
final class MatchDeadlines {

    /** Countdown over: the match starts. */
    static final String START = "match-start";
    /** The current timed period (whole match, BR round, Sabotage phase) is over. */
    static final String PERIOD_END = "match-period-end";
    /** Stop waiting for verdicts of submissions made before time was up. */
    static final String GRACE_END = "match-grace-end";

    private MatchDeadlines() {
    }

    /**
     * Which period a deadline belongs to. A deadline of a period that is already over (ended early,
     * or fired twice around a restart) finds a different current period and is ignored.
     */
    record Period(int number) {
    }
}
