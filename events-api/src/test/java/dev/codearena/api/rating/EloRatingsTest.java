package dev.codearena.api.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.player.PlayerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EloRatingsTest {

    static MatchPlayer p(String id, int rating, int games) {
        return new MatchPlayer(PlayerId.of(id), id, rating, games, rating, games);
    }

    static Map<PlayerId, Integer> places(Object... idPlace) {
        Map<PlayerId, Integer> map = new HashMap<>();
        for (int i = 0; i < idPlace.length; i += 2) {
            map.put(PlayerId.of((String) idPlace[i]), (Integer) idPlace[i + 1]);
        }
        return map;
    }

    @Test
    void equalEstablishedPlayersWinnerGainsHalfK() {
        List<RatingChange> changes = EloRatings.compute(MatchMode.BLITZ, List.of(p("a", 1500, 30), p("b", 1500, 30)),
                places("a", 1, "b", 2));
        assertThat(changes).extracting(RatingChange::delta).containsExactly(10, -10);
        assertThat(changes).extracting(RatingChange::after).containsExactly(1510, 1490);
    }

    @Test
    void provisionalPlayersMoveFaster() {
        List<RatingChange> changes = EloRatings.compute(MatchMode.BLITZ, List.of(p("a", 1500, 0), p("b", 1500, 3)),
                places("a", 2, "b", 1));
        assertThat(changes).extracting(RatingChange::delta).containsExactly(-20, 20);
        assertThat(changes).allMatch(RatingChange::provisional);
    }

    @Test
    void drawBetweenUnequalPlayersMovesTowardsEachOther() {
        // expected score of 1700 vs 1500 = 0.7597; K 20: 20 * (0.5 - 0.7597) = -5.19
        List<RatingChange> changes = EloRatings.compute(MatchMode.SABOTAGE, List.of(p("a", 1700, 50), p("b", 1500, 50)),
                places("a", 1, "b", 1));
        assertThat(changes).extracting(RatingChange::delta).containsExactly(-5, 5);
    }

    @Test
    void upsetGainsMore() {
        // 20 * (1 - 0.2403) = 15.19 for the underdog
        List<RatingChange> changes = EloRatings.compute(MatchMode.BLITZ, List.of(p("a", 1700, 50), p("b", 1500, 50)),
                places("a", 2, "b", 1));
        assertThat(changes).extracting(RatingChange::delta).containsExactly(-15, 15);
    }

    @Test
    void multiplayerUsesPairwiseEloWithKOverNMinusOne() {
        // 4 equal established players, places 1..4: each pair game is worth K/3 = 6.67, half of it per win
        List<RatingChange> changes = EloRatings.compute(MatchMode.BATTLE_ROYALE,
                List.of(p("a", 1500, 30), p("b", 1500, 30), p("c", 1500, 30), p("d", 1500, 30)),
                places("a", 1, "b", 2, "c", 3, "d", 4));
        // exact: +10, +3.33, -3.33, -10
        assertThat(changes).extracting(RatingChange::delta).containsExactly(10, 3, -3, -10);
    }

    @Test
    void roundingRemainderIsHandedOutSoTheSumIsZero() {
        // exact (K 20 / 2 per pair): a = 10*(1-E(1500,1600)) + 10*(1-E(1500,1700)) = 6.40 + 7.60 = 14.00 ... computed below
        List<MatchPlayer> players = List.of(p("a", 1500, 30), p("b", 1600, 30), p("c", 1700, 30));
        List<RatingChange> changes = EloRatings.compute(MatchMode.GOLF, players, places("a", 1, "b", 2, "c", 3));
        double[] exact = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    double expected = 1 / (1 + Math.pow(10, (players.get(j).rating() - players.get(i).rating()) / 400.0));
                    exact[i] += 10 * ((i < j ? 1 : 0) - expected);
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs(changes.get(i).delta() - exact[i])).as("player %d", i).isLessThan(1.0);
        }
        assertThat(changes.stream().mapToInt(RatingChange::delta).sum()).isZero();
    }

    @Test
    void everyMatchIsZeroSumAndDeterministic() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            int n = 2 + random.nextInt(15);
            List<MatchPlayer> players = new ArrayList<>();
            Map<PlayerId, Integer> places = new HashMap<>();
            for (int i = 0; i < n; i++) {
                MatchPlayer player = new MatchPlayer(PlayerId.of("p" + i), "p" + i, 800 + random.nextInt(2000),
                        random.nextInt(30), 800 + random.nextInt(2000), random.nextInt(60));
                players.add(player);
                places.put(player.playerId(), 1 + random.nextInt(n));
            }
            List<RatingChange> first = EloRatings.compute(MatchMode.BATTLE_ROYALE, players, places);
            assertThat(first.stream().mapToInt(RatingChange::delta).sum()).isZero();
            assertThat(first.stream().mapToInt(RatingChange::overallDelta).sum()).isZero();
            assertThat(EloRatings.compute(MatchMode.BATTLE_ROYALE, players, places)).isEqualTo(first);
        }
    }
}
