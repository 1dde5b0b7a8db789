package dev.codearena.arena.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.player.PlayerId;
import dev.codearena.command.rating.EloRatings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The command side records rating changes with {@code dev.codearena.command.rating.EloRatings}; the
 * query side's auditor replay recomputes them with the contract's {@code dev.codearena.api.rating.EloRatings}
 * (query and command side may not depend on each other). Only the arena sees both, so it checks here
 * that the two are the same function, on many random matches of every size and mode.
 */
class RatingFunctionsAgreeTest {

    @Test
    void commandSideAndContractRatingFunctionsAgree() {
        Random random = new Random(20261126);
        for (int match = 0; match < 5_000; match++) {
            MatchMode mode = MatchMode.values()[random.nextInt(MatchMode.values().length)];
            int size = 2 + random.nextInt(mode == MatchMode.BATTLE_ROYALE ? 15 : 3);
            List<MatchPlayer> players = new ArrayList<>();
            Map<PlayerId, Integer> places = new HashMap<>();
            for (int i = 0; i < size; i++) {
                PlayerId id = PlayerId.of("p" + match + "-" + i);
                players.add(new MatchPlayer(id, "h" + i, 800 + random.nextInt(2000), random.nextInt(30),
                        800 + random.nextInt(2000), random.nextInt(60)));
                places.put(id, 1 + random.nextInt(size));
            }
            List<RatingChange> recorded = EloRatings.compute(mode, players, places);
            List<RatingChange> replayed = dev.codearena.api.rating.EloRatings.compute(mode, players, places);
            assertThat(replayed).as("match %d", match).isEqualTo(recorded);
        }
    }
}
