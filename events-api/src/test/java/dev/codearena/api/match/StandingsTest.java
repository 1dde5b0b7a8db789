package dev.codearena.api.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandingsTest {

    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    static final MatchSettings ROYALE = MatchSettings.defaults(MatchMode.BATTLE_ROYALE);
    static final MatchSettings BLITZ = MatchSettings.defaults(MatchMode.BLITZ);

    static Standings.Outcome royale(String id, boolean forfeited, int round, EliminationReason reason, Instant at) {
        return new Standings.Outcome(PlayerId.of(id), forfeited, 0, null, -1, null, round, reason, at, false, false, 0);
    }

    static Standings.Outcome blitz(String id, boolean forfeited, int points, Instant lastLock) {
        return new Standings.Outcome(PlayerId.of(id), forfeited, points, lastLock, -1, null, 0, null, null, false, false, 0);
    }

    @Test
    void royaleForfeitRanksBelowThatRoundsEliminationsAndAboveEarlierRounds() {
        List<Standing> standings = Standings.rank(MatchMode.BATTLE_ROYALE, ROYALE, 3, List.of(
                royale("quit-r2", true, 2, EliminationReason.FORFEIT, T.plusSeconds(20)),
                royale("out-r1", false, 1, EliminationReason.NOT_SOLVED, T),
                royale("winner", false, 0, null, null),
                royale("out-r2", false, 2, EliminationReason.SLOWEST, T.plusSeconds(30)),
                royale("left-before-start", true, 0, null, null)));
        assertThat(standings).containsExactly(
                new Standing(PlayerId.of("winner"), 1, 3, null, false),
                new Standing(PlayerId.of("out-r2"), 2, 1, T.plusSeconds(30), false),
                new Standing(PlayerId.of("quit-r2"), 3, 1, T.plusSeconds(20), true),
                new Standing(PlayerId.of("out-r1"), 4, 0, T, false),
                new Standing(PlayerId.of("left-before-start"), 5, 0, null, true));
    }

    @Test
    void royaleForfeitsInTheSameRoundTie() {
        List<Standing> standings = Standings.rank(MatchMode.BATTLE_ROYALE, ROYALE, 1, List.of(
                royale("a", true, 1, EliminationReason.FORFEIT, T),
                royale("b", true, 1, EliminationReason.FORFEIT, T.plusSeconds(5)),
                royale("c", false, 0, null, null)));
        assertThat(standings).extracting(Standing::place).containsExactly(1, 2, 2);
    }

    @Test
    void eliminatedPlayerWhoForfeitsLaterKeepsTheEliminationsPlace() {
        List<Standing> standings = Standings.rank(MatchMode.BATTLE_ROYALE, ROYALE, 2, List.of(
                royale("eliminated-then-quit", true, 1, EliminationReason.NOT_SOLVED, T),
                royale("eliminated", false, 1, EliminationReason.NOT_SOLVED, T),
                royale("winner", false, 0, null, null)));
        assertThat(standings).extracting(Standing::place).containsExactly(1, 2, 2);
    }

    @Test
    void outsideRoyaleForfeitsRankBelowEveryoneWhateverTheirScore() {
        List<Standing> standings = Standings.rank(MatchMode.BLITZ, BLITZ, 0, List.of(
                blitz("quitter-with-points", true, 300, T),
                blitz("leader", false, 200, T.plusSeconds(9)),
                blitz("second", false, 200, T.plusSeconds(10)),
                blitz("quitter", true, 0, null)));
        assertThat(standings).extracting(s -> s.playerId().value() + "@" + s.place())
                .containsExactly("leader@1", "second@2", "quitter-with-points@3", "quitter@4");
    }
}
