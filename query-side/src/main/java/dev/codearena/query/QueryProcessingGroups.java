package dev.codearena.query;

import java.util.List;

/**
 * The query side's tracking processors, one per read model. Their threads, segments and batch sizes are
 * set in {@code codearena-query.properties} ({@code axon.eventhandling.processors.<name>.*}); the admin
 * rebuild API takes these names.
 */
public final class QueryProcessingGroups {

    public static final String PLAYERS = "players";
    public static final String MATCHES = "matches";
    public static final String CLANS = "clans";
    public static final String PROBLEMS = "problems";
    public static final String LIVE_VIEWS = "live-views";
    public static final String FAIR_PLAY = "fair-play";

    /** Every read model, in the order "rebuild all" resets them. */
    public static final List<String> ALL = List.of(PLAYERS, MATCHES, CLANS, PROBLEMS, LIVE_VIEWS, FAIR_PLAY);

    private QueryProcessingGroups() {
    }
}
