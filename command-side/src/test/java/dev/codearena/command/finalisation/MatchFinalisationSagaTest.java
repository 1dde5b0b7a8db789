package dev.codearena.command.finalisation;

import dev.codearena.api.match.ConfirmMatchFinalisedCommand;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchFinalised;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.Standing;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.RecordMatchRatingCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchFinalisationSagaTest {

    static final MatchId MATCH = MatchId.of("m-1");
    static final PlayerId ALICE = PlayerId.of("alice");
    static final PlayerId BOB = PlayerId.of("bob");
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final RatingChange ALICE_CHANGE = new RatingChange(ALICE, MatchMode.BLITZ, 1500, 1510, 1500, 1510, false);
    static final RatingChange BOB_CHANGE = new RatingChange(BOB, MatchMode.BLITZ, 1500, 1490, 1500, 1490, false);
    static final MatchEnded ENDED = new MatchEnded(MATCH, MatchMode.BLITZ, EndReason.TIME_UP,
            List.of(new Standing(ALICE, 1, 100, T0, false), new Standing(BOB, 2, 0, null, false)),
            List.of(ALICE_CHANGE, BOB_CHANGE), T0);

    private SagaTestFixture<MatchFinalisationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(MatchFinalisationSaga.class);
    }

    static PlayerRatingChanged changed(RatingChange c) {
        return new PlayerRatingChanged(c.playerId(), MATCH, c.mode(), c.before(), c.after(), c.overallBefore(), c.overallAfter(), 1, 1, T0);
    }

    @Test
    void matchEndRecordsEveryRatingChangeOnItsPlayer() {
        fixture.givenNoPriorActivity()
                .whenAggregate(MATCH.value()).publishes(ENDED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordMatchRatingCommand(ALICE, MATCH, ALICE_CHANGE),
                        new RecordMatchRatingCommand(BOB, MATCH, BOB_CHANGE));
    }

    @Test
    void waitsUntilEveryPlayerHasTheChange() {
        fixture.givenAggregate(MATCH.value()).published(ENDED)
                .whenAggregate(ALICE.value()).publishes(changed(ALICE_CHANGE))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void confirmsTheMatchWhenAllPlayersHaveTheirChange() {
        fixture.givenAggregate(MATCH.value()).published(ENDED)
                .andThenAggregate(ALICE.value()).published(changed(ALICE_CHANGE))
                .whenAggregate(BOB.value()).publishes(changed(BOB_CHANGE))
                .expectDispatchedCommands(new ConfirmMatchFinalisedCommand(MATCH));
    }

    @Test
    void endsWhenTheMatchIsFinalised() {
        fixture.givenAggregate(MATCH.value()).published(ENDED)
                .andThenAggregate(ALICE.value()).published(changed(ALICE_CHANGE))
                .andThenAggregate(BOB.value()).published(changed(BOB_CHANGE))
                .whenAggregate(MATCH.value()).publishes(new MatchFinalised(MATCH, T0))
                .expectActiveSagas(0);
    }
}
