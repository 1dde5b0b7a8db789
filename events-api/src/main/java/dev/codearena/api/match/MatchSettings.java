package dev.codearena.api.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Every number of a match, fixed when it is created (product.md: "every number is a per-match
 * setting with a sane bound"). Fields that a mode does not use are ignored by it. Start from
 * {@link #defaults(MatchMode)} and adjust; {@link #violations} lists what is out of bounds.
 *
 * @param minPlayers          fewest players the match may start (or carry on) with
 * @param maxPlayers          most players allowed
 * @param startDelaySeconds   countdown between creation and start (players load the problems)
 * @param durationSeconds     Blitz and Golf: length of the match
 * @param problemPoints       Blitz: points of each problem, in problem order
 * @param roundSeconds        Battle Royale: length of each round (one problem per round)
 * @param sabotageSeconds     Sabotage: length of phase 1 (inject a bug)
 * @param repairSeconds       Sabotage: length of phase 2 (repair the opponent's code)
 * @param editBudgetLines     Sabotage: most changed lines (line diff against the reference)
 * @param repairBasePoints    Sabotage: points for the first Accepted repair
 * @param repairMaxTimeBonus  Sabotage: bonus at full time left, scaled linearly to 0 at phase end
 * @param unrepairedPoints    Sabotage: points for the author of a sabotage never repaired
 * @param submitIntervalMs    rate limit: least time between two submissions of one player
 * @param maxSourceBytes      largest source accepted (UTF-8 bytes)
 * @param closingGraceSeconds when time is up, how long to wait for verdicts of submissions made in time
 */
public record MatchSettings(
        int minPlayers,
        int maxPlayers,
        int startDelaySeconds,
        int durationSeconds,
        List<Integer> problemPoints,
        List<Integer> roundSeconds,
        int sabotageSeconds,
        int repairSeconds,
        int editBudgetLines,
        int repairBasePoints,
        int repairMaxTimeBonus,
        int unrepairedPoints,
        int submitIntervalMs,
        int maxSourceBytes,
        int closingGraceSeconds) {

    public static final int MAX_SOURCE_BYTES_LIMIT = 64 * 1024;
    public static final int MAX_PLAYERS_LIMIT = 100;

    public MatchSettings {
        problemPoints = problemPoints == null ? List.of() : List.copyOf(problemPoints);
        roundSeconds = roundSeconds == null ? List.of() : List.copyOf(roundSeconds);
    }

    public static MatchSettings defaults(MatchMode mode) {
        return switch (mode) {
            case BLITZ -> new MatchSettings(2, 4, 10, 30 * 60, List.of(100, 200, 300, 400, 500), List.of(),
                    0, 0, 0, 0, 0, 0, 2000, MAX_SOURCE_BYTES_LIMIT, 30);
            case GOLF -> new MatchSettings(2, 8, 10, 15 * 60, List.of(), List.of(),
                    0, 0, 0, 0, 0, 0, 2000, MAX_SOURCE_BYTES_LIMIT, 30);
            case BATTLE_ROYALE -> new MatchSettings(4, 16, 10, 0, List.of(),
                    List.of(360, 300, 240, 180, 120, 120, 90, 90, 60, 60),
                    0, 0, 0, 0, 0, 0, 2000, MAX_SOURCE_BYTES_LIMIT, 30);
            case SABOTAGE -> new MatchSettings(2, 2, 10, 0, List.of(), List.of(),
                    5 * 60, 10 * 60, 3, 100, 100, 50, 2000, MAX_SOURCE_BYTES_LIMIT, 30);
        };
    }

    /** How many problems a match of this mode and these settings needs. */
    public int problemCount(MatchMode mode) {
        return switch (mode) {
            case BLITZ -> problemPoints.size();
            case GOLF, SABOTAGE -> 1;
            case BATTLE_ROYALE -> roundSeconds.size();
        };
    }

    public MatchSettings withDurationSeconds(int seconds) {
        return new MatchSettings(minPlayers, maxPlayers, startDelaySeconds, seconds, problemPoints, roundSeconds,
                sabotageSeconds, repairSeconds, editBudgetLines, repairBasePoints, repairMaxTimeBonus,
                unrepairedPoints, submitIntervalMs, maxSourceBytes, closingGraceSeconds);
    }

    public MatchSettings withStartDelaySeconds(int seconds) {
        return new MatchSettings(minPlayers, maxPlayers, seconds, durationSeconds, problemPoints, roundSeconds,
                sabotageSeconds, repairSeconds, editBudgetLines, repairBasePoints, repairMaxTimeBonus,
                unrepairedPoints, submitIntervalMs, maxSourceBytes, closingGraceSeconds);
    }

    public MatchSettings withProblemPoints(List<Integer> points) {
        return new MatchSettings(minPlayers, maxPlayers, startDelaySeconds, durationSeconds, points, roundSeconds,
                sabotageSeconds, repairSeconds, editBudgetLines, repairBasePoints, repairMaxTimeBonus,
                unrepairedPoints, submitIntervalMs, maxSourceBytes, closingGraceSeconds);
    }

    public MatchSettings withRoundSeconds(List<Integer> rounds) {
        return new MatchSettings(minPlayers, maxPlayers, startDelaySeconds, durationSeconds, problemPoints, rounds,
                sabotageSeconds, repairSeconds, editBudgetLines, repairBasePoints, repairMaxTimeBonus,
                unrepairedPoints, submitIntervalMs, maxSourceBytes, closingGraceSeconds);
    }

    public MatchSettings withPhases(int sabotage, int repair, int editBudget) {
        return new MatchSettings(minPlayers, maxPlayers, startDelaySeconds, durationSeconds, problemPoints, roundSeconds,
                sabotage, repair, editBudget, repairBasePoints, repairMaxTimeBonus,
                unrepairedPoints, submitIntervalMs, maxSourceBytes, closingGraceSeconds);
    }

    public MatchSettings withPlayers(int min, int max) {
        return new MatchSettings(min, max, startDelaySeconds, durationSeconds, problemPoints, roundSeconds,
                sabotageSeconds, repairSeconds, editBudgetLines, repairBasePoints, repairMaxTimeBonus,
                unrepairedPoints, submitIntervalMs, maxSourceBytes, closingGraceSeconds);
    }

    public MatchSettings withSubmitIntervalMs(int interval) {
        return new MatchSettings(minPlayers, maxPlayers, startDelaySeconds, durationSeconds, problemPoints, roundSeconds,
                sabotageSeconds, repairSeconds, editBudgetLines, repairBasePoints, repairMaxTimeBonus,
                unrepairedPoints, interval, maxSourceBytes, closingGraceSeconds);
    }

    /** Everything out of bounds for this mode, as readable sentences; empty when the settings are sane. */
    public List<String> violations(MatchMode mode) {
        List<String> out = new ArrayList<>();
        int[] players = switch (mode) {
            case BLITZ -> new int[]{2, 4};
            case GOLF -> new int[]{2, 8};
            case BATTLE_ROYALE -> new int[]{2, MAX_PLAYERS_LIMIT};
            case SABOTAGE -> new int[]{2, 2};
        };
        if (minPlayers < players[0] || maxPlayers > players[1] || minPlayers > maxPlayers) {
            out.add("players must be within " + players[0] + ".." + players[1] + " with min <= max");
        }
        check(out, "startDelaySeconds", startDelaySeconds, 0, 300);
        check(out, "submitIntervalMs", submitIntervalMs, 0, 60_000);
        check(out, "maxSourceBytes", maxSourceBytes, 1, MAX_SOURCE_BYTES_LIMIT);
        check(out, "closingGraceSeconds", closingGraceSeconds, 0, 300);
        switch (mode) {
            case BLITZ -> {
                check(out, "durationSeconds", durationSeconds, 60, 4 * 3600);
                if (problemPoints.isEmpty() || problemPoints.size() > 10) {
                    out.add("problemPoints must list 1..10 problems");
                }
                problemPoints.forEach(p -> check(out, "problemPoints[]", p == null ? -1 : p, 1, 10_000));
            }
            case GOLF -> check(out, "durationSeconds", durationSeconds, 60, 4 * 3600);
            case BATTLE_ROYALE -> {
                if (roundSeconds.isEmpty() || roundSeconds.size() > 50) {
                    out.add("roundSeconds must list 1..50 rounds");
                }
                roundSeconds.forEach(s -> check(out, "roundSeconds[]", s == null ? -1 : s, 30, 3600));
            }
            case SABOTAGE -> {
                check(out, "sabotageSeconds", sabotageSeconds, 30, 3600);
                check(out, "repairSeconds", repairSeconds, 60, 3600);
                check(out, "editBudgetLines", editBudgetLines, 1, 50);
                check(out, "repairBasePoints", repairBasePoints, 1, 10_000);
                check(out, "repairMaxTimeBonus", repairMaxTimeBonus, 0, 10_000);
                check(out, "unrepairedPoints", unrepairedPoints, 0, 10_000);
            }
        }
        return out;
    }

    private static void check(List<String> out, String name, int value, int min, int max) {
        if (value < min || value > max) {
            out.add(name + " must be within " + min + ".." + max + " (was " + value + ")");
        }
    }
}
