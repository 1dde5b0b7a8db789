package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Final places of a match (product.md section 3), a pure function of what each player achieved.
 *
 * <p>It lives in the contract for the same reason as {@code EloRatings}: the command side records the
 * standings in {@link MatchEnded}, and the query side's auditor replay recomputes them from the match's
 * events and reports whether they agree. Two copies of the rule drift apart; one function cannot.
 *
 * <p>Forfeits: in Blitz, Golf and Sabotage a player who forfeited ranks below everyone who did not,
 * whatever their score; forfeited players rank among themselves by the mode's usual order. In Battle Royale placement is elimination order and a forfeit
 * during a round is an elimination at that moment: the player ranks below everyone eliminated at the end
 * of that same round (who played it out) and above everyone eliminated in earlier rounds; forfeits in the
 * same round tie. A player eliminated first and forfeiting later keeps the place of the elimination. A
 * player who forfeited before the start (never played a round) ranks last with score 0.
 */
public final class Standings {

    private Standings() {
    }

    /**
     * What one player achieved. Fields of other modes are ignored.
     *
     * @param forfeited         the player forfeited (at any time)
     * @param points            Blitz: points of the player's locks
     * @param lastLockAt        Blitz: time of the player's last lock, or null
     * @param golfBytes         Golf: length of the shortest Accepted source, -1 if none
     * @param golfReachedAt     Golf: receive time of the submission that reached it, or null
     * @param eliminatedInRound Battle Royale: round of the elimination, 0 if never eliminated
     * @param eliminationReason Battle Royale: why, or null if never eliminated
     * @param eliminatedAt      Battle Royale: time of the elimination, or null
     * @param sabotageAccepted  Sabotage: the player's sabotage was accepted
     * @param repairAssigned    Sabotage: the repair phase gave the player a repair assignment
     * @param repairPoints      Sabotage: points of the player's successful repair, 0 if none
     */
    public record Outcome(PlayerId playerId, boolean forfeited, int points, Instant lastLockAt, int golfBytes,
                          Instant golfReachedAt, int eliminatedInRound, EliminationReason eliminationReason,
                          Instant eliminatedAt, boolean sabotageAccepted, boolean repairAssigned, int repairPoints) {
    }

    /**
     * @param round    Battle Royale: the last round that started (survivors' score); ignored by other modes
     * @param outcomes every player of the match, in roster order (which orders tied players)
     * @return one standing per player, best first; tied players share a place
     */
    public static List<Standing> rank(MatchMode mode, MatchSettings settings, int round, List<Outcome> outcomes) {
        Comparator<Outcome> order = switch (mode) {
            case BLITZ -> Comparator.<Outcome>comparingInt(o -> -o.points())
                    .thenComparing(Outcome::lastLockAt, Comparator.nullsLast(Comparator.naturalOrder()));
            case GOLF -> Comparator.<Outcome>comparingInt(o -> o.golfBytes() < 0 ? Integer.MAX_VALUE : o.golfBytes())
                    .thenComparing(Outcome::golfReachedAt, Comparator.nullsLast(Comparator.naturalOrder()));
            case BATTLE_ROYALE -> Comparator.comparingInt(o -> -royaleRank(o));
            case SABOTAGE -> Comparator.comparingInt(o -> -sabotagePoints(o, outcomes, settings));
        };
        Comparator<Outcome> ranking = mode == MatchMode.BATTLE_ROYALE ? order
                : Comparator.comparing(Outcome::forfeited).thenComparing(order);
        List<Outcome> ranked = outcomes.stream().sorted(ranking).toList();
        List<Standing> standings = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Outcome o = ranked.get(i);
            int place = i > 0 && ranking.compare(ranked.get(i - 1), o) == 0 ? standings.get(i - 1).place() : i + 1;
            standings.add(new Standing(o.playerId(), place, score(mode, settings, round, o, outcomes), decisiveAt(mode, o),
                    o.forfeited()));
        }
        return standings;
    }

    /**
     * Higher outlasted more: survivors; then by elimination round, a forfeit in a round just below that
     * round's end-of-round eliminations; a forfeit before the start lowest of all.
     */
    private static int royaleRank(Outcome o) {
        if (o.eliminatedInRound() > 0) {
            return o.eliminatedInRound() * 2 + (o.eliminationReason() == EliminationReason.FORFEIT ? 0 : 1);
        }
        return o.forfeited() ? -1 : Integer.MAX_VALUE;
    }

    private static int score(MatchMode mode, MatchSettings settings, int round, Outcome o, List<Outcome> all) {
        return switch (mode) {
            case BLITZ -> o.points();
            case GOLF -> o.golfBytes();
            case BATTLE_ROYALE -> o.eliminatedInRound() > 0 ? o.eliminatedInRound() - 1 : o.forfeited() ? 0 : round;
            case SABOTAGE -> sabotagePoints(o, all, settings);
        };
    }

    private static Instant decisiveAt(MatchMode mode, Outcome o) {
        return switch (mode) {
            case BLITZ -> o.lastLockAt();
            case GOLF -> o.golfReachedAt();
            case BATTLE_ROYALE -> o.eliminatedAt();
            case SABOTAGE -> null;
        };
    }

    /** Repair points plus, for an accepted sabotage the opponent never repaired, the author's reward. */
    private static int sabotagePoints(Outcome o, List<Outcome> all, MatchSettings settings) {
        int points = o.repairPoints();
        if (o.sabotageAccepted() && o.repairAssigned()) {
            boolean repairedByOpponent = all.stream()
                    .anyMatch(other -> other != o && other.repairPoints() > 0 && other.repairAssigned());
            if (!repairedByOpponent) {
                points += settings.unrepairedPoints();
            }
        }
        return points;
    }
}
