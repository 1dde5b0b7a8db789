package dev.codearena.api.rating;

import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.player.PlayerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rating changes of one match: pairwise Elo over the final places, a pure function of the ratings the
 * players started with and their places (docs/ratings.md). Two players: classic Elo. More players:
 * every pair plays one Elo "game" with K/(n-1), so a match moves a rating about as much as one duel.
 *
 * <p>Zero-sum by construction: each pair uses one K (the mean of the two players' K), so what one
 * gains the other loses; rounding to whole points is done by the largest-remainder method with the
 * player id as the final tie-break, so the integers also sum to exactly zero and replaying a match
 * yields the same numbers. {@link StrictMath} keeps the floating point identical on every JVM.
 *
 * <p>It lives in the contract because two sides need the very same function: the command side computes
 * the rating changes it records in {@code MatchEnded}, and the query side's auditor replay recomputes
 * them from a match's events alone and reports whether they agree. Query and command side must not
 * depend on each other, so the pure function sits here.
 */
public final class EloRatings {

    /** K for players with fewer than {@link #PROVISIONAL_GAMES} rated games in the rating concerned. */
    public static final int PROVISIONAL_K = 40;
    public static final int PROVISIONAL_GAMES = 10;
    /** K for established players. */
    public static final int STANDARD_K = 20;
    /** K for established players rated at or above {@link #HIGH_RATING}. */
    public static final int HIGH_RATED_K = 10;
    public static final int HIGH_RATING = 2400;

    private EloRatings() {
    }

    /**
     * @param places 1-based final place of every player (equal places = draw between them)
     */
    public static List<RatingChange> compute(MatchMode mode, List<MatchPlayer> players, Map<PlayerId, Integer> places) {
        int n = players.size();
        if (n < 2) {
            return players.stream().map(p -> new RatingChange(p.playerId(), mode, p.rating(), p.rating(),
                    p.overallRating(), p.overallRating(), p.gamesPlayed() < PROVISIONAL_GAMES)).toList();
        }
        int[] modeRatings = players.stream().mapToInt(MatchPlayer::rating).toArray();
        int[] modeGames = players.stream().mapToInt(MatchPlayer::gamesPlayed).toArray();
        int[] overallRatings = players.stream().mapToInt(MatchPlayer::overallRating).toArray();
        int[] overallGames = players.stream().mapToInt(MatchPlayer::overallGamesPlayed).toArray();
        int[] placeOf = players.stream().mapToInt(p -> places.get(p.playerId())).toArray();
        List<String> ids = players.stream().map(p -> p.playerId().value()).toList();

        int[] modeDelta = zeroSumDeltas(modeRatings, modeGames, placeOf, ids);
        int[] overallDelta = zeroSumDeltas(overallRatings, overallGames, placeOf, ids);
        List<RatingChange> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MatchPlayer p = players.get(i);
            changes.add(new RatingChange(p.playerId(), mode, p.rating(), p.rating() + modeDelta[i],
                    p.overallRating(), p.overallRating() + overallDelta[i], p.gamesPlayed() < PROVISIONAL_GAMES));
        }
        return changes;
    }

    public static int kFactor(int rating, int gamesPlayed) {
        if (gamesPlayed < PROVISIONAL_GAMES) {
            return PROVISIONAL_K;
        }
        return rating >= HIGH_RATING ? HIGH_RATED_K : STANDARD_K;
    }

    public static double expectedScore(int rating, int opponentRating) {
        return 1.0 / (1.0 + StrictMath.pow(10.0, (opponentRating - rating) / 400.0));
    }

    static int[] zeroSumDeltas(int[] ratings, int[] games, int[] places, List<String> ids) {
        int n = ratings.length;
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double k = (kFactor(ratings[i], games[i]) + kFactor(ratings[j], games[j])) / 2.0 / (n - 1);
                double actual = places[i] < places[j] ? 1.0 : places[i] == places[j] ? 0.5 : 0.0;
                double change = k * (actual - expectedScore(ratings[i], ratings[j]));
                exact[i] += change;
                exact[j] -= change;
            }
        }
        int[] rounded = new int[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            rounded[i] = (int) StrictMath.floor(exact[i]);
            sum += rounded[i];
        }
        // Flooring leaves a non-positive sum; hand the missing points to the largest fractional parts.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -(exact[i] - rounded[i]))
                .thenComparing(ids::get));
        for (int r = 0; sum < 0; r++, sum++) {
            rounded[order[r % n]]++;
        }
        return rounded;
    }
}
