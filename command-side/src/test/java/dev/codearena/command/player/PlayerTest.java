package dev.codearena.command.player;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.player.ChangePlayerClassCommand;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerClassChanged;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.api.player.RecordMatchRatingCommand;
import dev.codearena.api.player.RegisterPlayerCommand;
import dev.codearena.command.support.FixtureClock;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlayerTest {

    static final PlayerId ALICE = PlayerId.of("alice");
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final PlayerRegistered REGISTERED = new PlayerRegistered(ALICE, "alice_99", PlayerClass.HACKER, 1500, T0);
    static final MatchId M1 = MatchId.of("m-1");

    private AggregateTestFixture<Player> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Player.class);
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
    }

    @Test
    void shouldRegisterWithTheInitialRating() {
        fixture.givenCurrentTime(T0)
                .when(new RegisterPlayerCommand(ALICE, "alice_99", PlayerClass.HACKER))
                .expectEvents(REGISTERED);
    }

    @Test
    void cannotRegisterAnInvalidHandle() {
        fixture.givenCurrentTime(T0)
                .when(new RegisterPlayerCommand(ALICE, "a b", PlayerClass.HACKER))
                .expectException(CodeArenaException.class)
                .expectNoEvents();
    }

    @Test
    void shouldChangeClass() {
        fixture.givenCurrentTime(T0).andGiven(REGISTERED)
                .when(new ChangePlayerClassCommand(ALICE, PlayerClass.GOLFER))
                .expectEvents(new PlayerClassChanged(ALICE, PlayerClass.GOLFER, T0));
    }

    @Test
    void shouldRecordAMatchRatingChangeInItsModeAndOverall() {
        RatingChange change = new RatingChange(ALICE, MatchMode.BLITZ, 1500, 1520, 1500, 1512, true);
        fixture.givenCurrentTime(T0).andGiven(REGISTERED)
                .when(new RecordMatchRatingCommand(ALICE, M1, change))
                .expectEvents(new PlayerRatingChanged(ALICE, M1, MatchMode.BLITZ, 1500, 1520, 1500, 1512, 1, 1, T0));
    }

    @Test
    void appliesTheMatchDeltaToTheCurrentRating() {
        RatingChange change = new RatingChange(ALICE, MatchMode.BLITZ, 1500, 1490, 1500, 1495, true);
        fixture.givenCurrentTime(T0)
                .andGiven(REGISTERED, new PlayerRatingChanged(ALICE, MatchId.of("m-0"), MatchMode.BLITZ, 1500, 1530, 1500, 1520, 1, 1, T0))
                .when(new RecordMatchRatingCommand(ALICE, M1, change))
                .expectEvents(new PlayerRatingChanged(ALICE, M1, MatchMode.BLITZ, 1530, 1520, 1520, 1515, 2, 2, T0));
    }

    @Test
    void aMatchChangesTheRatingOnlyOnce() {
        RatingChange change = new RatingChange(ALICE, MatchMode.BLITZ, 1500, 1520, 1500, 1512, true);
        fixture.givenCurrentTime(T0)
                .andGiven(REGISTERED, new PlayerRatingChanged(ALICE, M1, MatchMode.BLITZ, 1500, 1520, 1500, 1512, 1, 1, T0))
                .when(new RecordMatchRatingCommand(ALICE, M1, change))
                .expectNoEvents();
    }
}
