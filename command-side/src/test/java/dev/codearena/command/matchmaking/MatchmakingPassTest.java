package dev.codearena.command.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchmakingPassTest {

    private static final long NOW = 1_000_000L;
    private static final MatchmakingPass.Rules HEAD_TO_HEAD = new MatchmakingPass.Rules(150, 50, 30_000, 10_000, 2, 2, Long.MAX_VALUE);
    private static final MatchmakingPass.Rules LOBBY = new MatchmakingPass.Rules(150, 50, 30_000, 10_000, 4, 2, 60_000);

    @Test
    void windowIsBaseUntilThirtySecondsThenWidensByFiftyEveryTen() {
        assertThat(MatchmakingPass.window(HEAD_TO_HEAD, 0)).isEqualTo(150);
        assertThat(MatchmakingPass.window(HEAD_TO_HEAD, 30_000)).isEqualTo(150);
        assertThat(MatchmakingPass.window(HEAD_TO_HEAD, 30_001)).isEqualTo(200);
        assertThat(MatchmakingPass.window(HEAD_TO_HEAD, 40_000)).isEqualTo(200);
        assertThat(MatchmakingPass.window(HEAD_TO_HEAD, 40_001)).isEqualTo(250);
        assertThat(MatchmakingPass.window(HEAD_TO_HEAD, 90_001)).isEqualTo(500);
    }

    @Test
    void pairsPlayersWithinTheWindowAndLeavesTheOthersWaiting() {
        List<QueuedPlayer> queue = sorted(p("a", 1500, 0), p("b", 1640, 0), p("c", 2000, 0));
        List<List<QueuedPlayer>> groups = MatchmakingPass.groups(queue, NOW, HEAD_TO_HEAD);
        assertThat(groups).hasSize(1);
        assertThat(ids(groups.get(0))).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void doesNotPairBeyondTheWindowUntilTheWaitWidensIt() {
        List<QueuedPlayer> fresh = sorted(p("a", 1500, 0), p("b", 1700, 0));
        assertThat(MatchmakingPass.groups(fresh, NOW, HEAD_TO_HEAD)).isEmpty();
        // a has waited 31 s: window 200 covers the 200 points
        List<QueuedPlayer> waited = sorted(p("a", 1500, 31_000), p("b", 1700, 0));
        assertThat(MatchmakingPass.groups(waited, NOW, HEAD_TO_HEAD)).hasSize(1);
    }

    @Test
    void theLongestWaitingPlayerPicksTheNearestRating() {
        List<QueuedPlayer> queue = sorted(p("x", 1400, 0), p("old", 1500, 20_000), p("y", 1520, 0));
        List<List<QueuedPlayer>> groups = MatchmakingPass.groups(queue, NOW, HEAD_TO_HEAD);
        assertThat(groups).hasSize(1);
        assertThat(ids(groups.get(0))).containsExactlyInAnyOrder("old", "y");
    }

    @Test
    void nobodyIsEverInTwoGroups() {
        Random random = new Random(42);
        List<QueuedPlayer> queue = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            queue.add(p("p" + i, 800 + random.nextInt(1600), random.nextInt(120_000)));
        }
        queue.sort(Comparator.comparingInt(QueuedPlayer::rating));
        for (MatchmakingPass.Rules rules : List.of(HEAD_TO_HEAD, LOBBY)) {
            Set<String> seen = new HashSet<>();
            List<List<QueuedPlayer>> groups = MatchmakingPass.groups(queue, NOW, rules);
            assertThat(groups).isNotEmpty();
            for (List<QueuedPlayer> group : groups) {
                assertThat(group.size()).isBetween(rules.min(), rules.target());
                for (QueuedPlayer player : group) {
                    assertThat(seen.add(player.playerId())).as("player %s in two groups", player.playerId()).isTrue();
                }
            }
        }
    }

    @Test
    void multiplayerFillsToTargetOrStartsAtTheMinimumAfterTheMaximumWait() {
        List<QueuedPlayer> four = sorted(p("a", 1500, 0), p("b", 1510, 0), p("c", 1520, 0), p("d", 1530, 0));
        assertThat(MatchmakingPass.groups(four, NOW, LOBBY)).singleElement().satisfies(g -> assertThat(g).hasSize(4));

        List<QueuedPlayer> twoFresh = sorted(p("a", 1500, 0), p("b", 1510, 0));
        assertThat(MatchmakingPass.groups(twoFresh, NOW, LOBBY)).isEmpty();

        List<QueuedPlayer> twoWaited = sorted(p("a", 1500, 61_000), p("b", 1510, 0));
        assertThat(MatchmakingPass.groups(twoWaited, NOW, LOBBY)).singleElement()
                .satisfies(g -> assertThat(ids(g)).containsExactlyInAnyOrder("a", "b"));
    }

    private static QueuedPlayer p(String id, int rating, long waitedMs) {
        return new QueuedPlayer(id, rating, NOW - waitedMs);
    }

    private static List<QueuedPlayer> sorted(QueuedPlayer... players) {
        List<QueuedPlayer> list = new ArrayList<>(List.of(players));
        list.sort(Comparator.comparingInt(QueuedPlayer::rating));
        return list;
    }

    private static List<String> ids(List<QueuedPlayer> group) {
        return group.stream().map(QueuedPlayer::playerId).toList();
    }
}
