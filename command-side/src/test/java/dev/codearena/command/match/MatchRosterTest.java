package dev.codearena.command.match;

import static dev.codearena.command.match.MatchScenario.*;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.ForfeitMatchCommand;
import dev.codearena.api.match.LeaveMatchCommand;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.MembershipOutcome;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.PlayerJoinRefused;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeaveRefused;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.TimeUp;
import dev.codearena.command.support.EventMatchers;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Players join and leave before the start (product.md section 3, issue 4): the roster the match starts with. */
class MatchRosterTest {

    static final MatchSettings BLITZ = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100));
    static final MatchCreated CREATED = created(MatchMode.BLITZ, BLITZ, List.of(ALICE, BOB), problem(P1, 100));
    static final Instant T = T0.plusSeconds(3);

    private AggregateTestFixture<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void playerJoinsBeforeTheStartWithTheirRatings() {
        fixture.givenCurrentTime(T).andGiven(CREATED)
                .when(new AdmitPlayerCommand(MATCH, player(CAROL)))
                .expectEvents(new PlayerJoined(MATCH, player(CAROL), T))
                .expectResultMessagePayload(MembershipOutcome.done());
    }

    @Test
    void joinedPlayerIsOnTheRosterWhenTheMatchStarts() {
        MatchSettings royale = MatchSettings.defaults(MatchMode.BATTLE_ROYALE).withRoundSeconds(List.of(300));
        fixture.givenCurrentTime(START)
                .andGiven(created(MatchMode.BATTLE_ROYALE, royale, List.of(ALICE, BOB, CAROL, DAVE), problem(P1, 0)),
                        new PlayerJoined(MATCH, player(ERIN), T))
                .whenInvoking(MATCH.value(), m -> m.onStartDeadline(new MatchDeadlines.Period(0),
                        new dev.codearena.command.support.FixtureClock(() -> START), deadlines(START)))
                .expectEvents(new MatchStarted(MATCH, MatchPhase.ROUND, START, START.plusSeconds(300)),
                        new RoundStarted(MATCH, 1, P1, START, START.plusSeconds(300), List.of(ALICE, BOB, CAROL, DAVE, ERIN)));
    }

    @Test
    void cannotJoinTwice() {
        fixture.givenCurrentTime(T).andGiven(CREATED)
                .when(new AdmitPlayerCommand(MATCH, player(BOB)))
                .expectEvents(new PlayerJoinRefused(MATCH, BOB, ErrorCode.ALREADY_IN_MATCH, null, T))
                .expectResultMessagePayload(MembershipOutcome.refused(ErrorCode.ALREADY_IN_MATCH, null));
    }

    @Test
    void cannotJoinAFullMatch() {
        fixture.givenCurrentTime(T).andGiven(CREATED, new PlayerJoined(MATCH, player(CAROL), T),
                        new PlayerJoined(MATCH, player(DAVE), T))
                .when(new AdmitPlayerCommand(MATCH, player(ERIN)))
                .expectEvents(new PlayerJoinRefused(MATCH, ERIN, ErrorCode.MATCH_FULL, "BLITZ match of at most 4 players", T));
    }

    @Test
    void cannotJoinAfterTheStart() {
        Instant later = START.plusSeconds(5);
        fixture.givenCurrentTime(later).andGiven(CREATED, started(MatchPhase.RUNNING, 1800))
                .when(new AdmitPlayerCommand(MATCH, player(CAROL)))
                .expectEvents(new PlayerJoinRefused(MATCH, CAROL, ErrorCode.MATCH_ALREADY_STARTED,
                        "after the start a player can only forfeit", later));
    }

    @Test
    void cannotJoinACancelledMatch() {
        fixture.givenCurrentTime(T).andGiven(CREATED, new MatchCancelled(MATCH, "host closed the lobby", T0))
                .when(new AdmitPlayerCommand(MATCH, player(CAROL)))
                .expectEvents(new PlayerJoinRefused(MATCH, CAROL, ErrorCode.MATCH_ENDED, null, T));
    }

    @Test
    void playerWhoForfeitedCannotJoinAgain() {
        PlayerForfeited forfeited = new PlayerForfeited(MATCH, CAROL, T0.plusSeconds(1));
        fixture.givenCurrentTime(T).andGiven(CREATED, new PlayerJoined(MATCH, player(CAROL), T0), forfeited)
                .when(new AdmitPlayerCommand(MATCH, player(CAROL)))
                .expectEvents(new PlayerJoinRefused(MATCH, CAROL, ErrorCode.PLAYER_FORFEITED, null, T));
    }

    @Test
    void playerLeavesBeforeTheStartAndCanJoinAgain() {
        fixture.givenCurrentTime(T).andGiven(CREATED, new PlayerJoined(MATCH, player(CAROL), T0), new PlayerLeft(MATCH, CAROL, T0))
                .when(new AdmitPlayerCommand(MATCH, player(CAROL)))
                .expectEvents(new PlayerJoined(MATCH, player(CAROL), T));
    }

    @Test
    void leavingKeepsTheMatchWhileEnoughPlayersRemain() {
        fixture.givenCurrentTime(T).andGiven(CREATED, new PlayerJoined(MATCH, player(CAROL), T0))
                .when(new LeaveMatchCommand(MATCH, BOB))
                .expectEvents(new PlayerLeft(MATCH, BOB, T))
                .expectResultMessagePayload(MembershipOutcome.done());
    }

    @Test
    void leavingBelowTheMinimumCancelsTheMatch() {
        fixture.givenCurrentTime(T).andGivenCommands(open(MatchMode.BLITZ, BLITZ, List.of(ALICE, BOB), problem(P1, 100)))
                .when(new LeaveMatchCommand(MATCH, BOB))
                .expectEvents(new PlayerLeft(MATCH, BOB, T),
                        new MatchCancelled(MATCH, "not enough players left before the start", T))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotLeaveAfterTheStart() {
        Instant later = START.plusSeconds(5);
        fixture.givenCurrentTime(later).andGiven(CREATED, started(MatchPhase.RUNNING, 1800))
                .when(new LeaveMatchCommand(MATCH, BOB))
                .expectEvents(new PlayerLeaveRefused(MATCH, BOB, ErrorCode.MATCH_ALREADY_STARTED,
                        "after the start a player can only forfeit", later))
                .expectResultMessagePayload(MembershipOutcome.refused(ErrorCode.MATCH_ALREADY_STARTED,
                        "after the start a player can only forfeit"));
    }

    @Test
    void strangerCannotLeave() {
        fixture.givenCurrentTime(T).andGiven(CREATED)
                .when(new LeaveMatchCommand(MATCH, CAROL))
                .expectException(CodeArenaException.class)
                .expectNoEvents();
    }

    @Test
    void playerWhoLeftIsNeitherRankedNorRated() {
        Instant t1 = START.plusSeconds(60);
        fixture.givenCurrentTime(t1)
                .andGiven(CREATED, new PlayerJoined(MATCH, player(CAROL), T0), new PlayerLeft(MATCH, ALICE, T0),
                        started(MatchPhase.RUNNING, 1800))
                .when(new ForfeitMatchCommand(MATCH, BOB))
                .expectEventsMatching(events(new PlayerForfeited(MATCH, BOB, t1),
                        ended(EndReason.FORFEIT, standing(CAROL, 1, 0, null), new Standing(BOB, 2, 0, null, true))));
    }

    @Test
    void joinedPlayerIsRated() {
        Instant t1 = START.plusSeconds(60);
        fixture.givenCurrentTime(t1)
                .andGiven(CREATED, new PlayerJoined(MATCH, player(CAROL), T0), started(MatchPhase.RUNNING, 1800),
                        new PlayerForfeited(MATCH, ALICE, t1.minusSeconds(1)))
                .when(new ForfeitMatchCommand(MATCH, BOB))
                .expectEventsMatching(events(new PlayerForfeited(MATCH, BOB, t1),
                        EventMatchers.payload(MatchEnded.class, "three rating changes",
                                e -> e.ratingChanges().size() == 3 && e.standings().get(0).playerId().equals(CAROL))));
    }

    @Test
    void joinedPlayerIsRankedAtTimeUp() {
        Instant end = START.plusSeconds(1800);
        fixture.givenCurrentTime(end).andGiven(CREATED, new PlayerJoined(MATCH, player(CAROL), T0), started(MatchPhase.RUNNING, 1800))
                .whenInvoking(MATCH.value(), m -> m.onPeriodEnd(new MatchDeadlines.Period(1),
                        new dev.codearena.command.support.FixtureClock(() -> end), deadlines(end)))
                .expectEventsMatching(events(new TimeUp(MATCH, MatchPhase.RUNNING, 1, end, end.plusSeconds(30)),
                        ended(EndReason.TIME_UP, standing(ALICE, 1, 0, null), standing(BOB, 1, 0, null),
                                standing(CAROL, 1, 0, null))));
    }
}
