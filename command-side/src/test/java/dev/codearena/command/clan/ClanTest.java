package dev.codearena.command.clan;

import dev.codearena.api.clan.ChangeClanRoleCommand;
import dev.codearena.api.clan.ClanCreated;
import dev.codearena.api.clan.ClanDisbanded;
import dev.codearena.api.clan.ClanId;
import dev.codearena.api.clan.ClanRole;
import dev.codearena.api.clan.ClanRoleChanged;
import dev.codearena.api.clan.CreateClanCommand;
import dev.codearena.api.clan.DisbandClanCommand;
import dev.codearena.api.clan.InviteToClanCommand;
import dev.codearena.api.clan.JoinClanCommand;
import dev.codearena.api.clan.LeaveClanCommand;
import dev.codearena.api.clan.PlayerInvitedToClan;
import dev.codearena.api.clan.PlayerJoinedClan;
import dev.codearena.api.clan.PlayerLeftClan;
import dev.codearena.api.clan.RemoveClanMemberCommand;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerId;
import dev.codearena.command.support.FixtureClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClanTest {

    static final ClanId CLAN = ClanId.of("c-1");
    static final PlayerId LEADER = PlayerId.of("lea");
    static final PlayerId OFFICER = PlayerId.of("off");
    static final PlayerId MEMBER = PlayerId.of("mem");
    static final PlayerId OUTSIDER = PlayerId.of("out");
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final ClanCreated CREATED = new ClanCreated(CLAN, "Segfault Squad", "SEG", LEADER, T0);
    static final Object[] FULL = {CREATED,
            new PlayerInvitedToClan(CLAN, OFFICER, LEADER, T0), new PlayerJoinedClan(CLAN, OFFICER, T0),
            new ClanRoleChanged(CLAN, OFFICER, ClanRole.MEMBER, ClanRole.OFFICER, LEADER, T0),
            new PlayerInvitedToClan(CLAN, MEMBER, OFFICER, T0), new PlayerJoinedClan(CLAN, MEMBER, T0)};

    private AggregateTestFixture<Clan> fixture;
    /** Who is in which clan across all clans, as the lookup table would say. */
    private final Map<PlayerId, ClanId> otherClans = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Clan.class);
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource((ClanMemberships) player -> Optional.ofNullable(otherClans.get(player)));
    }

    @Test
    void cannotFoundAClanWhileInAnother() {
        otherClans.put(LEADER, ClanId.of("c-other"));
        fixture.givenCurrentTime(T0)
                .when(new CreateClanCommand(CLAN, "Segfault Squad", "SEG", LEADER))
                .expectNoEvents()
                .expectException(CodeArenaException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already in a clan"))
                .expectException(matchesCode(ErrorCode.ALREADY_IN_CLAN));
    }

    @Test
    void invitedPlayerInAnotherClanCannotJoin() {
        otherClans.put(OUTSIDER, ClanId.of("c-other"));
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .andGiven(new PlayerInvitedToClan(CLAN, OUTSIDER, LEADER, T0))
                .when(new JoinClanCommand(CLAN, OUTSIDER))
                .expectNoEvents()
                .expectException(matchesCode(ErrorCode.ALREADY_IN_CLAN));
    }

    @Test
    void playerWhoLeftAnotherClanMayJoin() {
        // the lookup no longer lists OUTSIDER once PlayerLeftClan of the other clan was stored
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .andGiven(new PlayerInvitedToClan(CLAN, OUTSIDER, LEADER, T0))
                .when(new JoinClanCommand(CLAN, OUTSIDER))
                .expectEvents(new PlayerJoinedClan(CLAN, OUTSIDER, T0));
    }

    private static org.hamcrest.Matcher<CodeArenaException> matchesCode(ErrorCode code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CodeArenaException e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a CodeArenaException with code " + code);
            }
        };
    }

    @Test
    void founderLeadsTheNewClan() {
        fixture.givenCurrentTime(T0)
                .when(new CreateClanCommand(CLAN, " Segfault Squad ", "seg", LEADER))
                .expectEvents(CREATED);
    }

    @Test
    void cannotCreateWithABadTag() {
        fixture.givenCurrentTime(T0)
                .when(new CreateClanCommand(CLAN, "Segfault Squad", "S!", LEADER))
                .expectException(CodeArenaException.class);
    }

    @Test
    void officerCanInvite() {
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new InviteToClanCommand(CLAN, OFFICER, OUTSIDER))
                .expectEvents(new PlayerInvitedToClan(CLAN, OUTSIDER, OFFICER, T0));
    }

    @Test
    void memberCannotInvite() {
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new InviteToClanCommand(CLAN, MEMBER, OUTSIDER))
                .expectException(CodeArenaException.class)
                .expectExceptionMessage("needs OFFICER, has MEMBER");
    }

    @Test
    void cannotJoinWithoutInvitation() {
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new JoinClanCommand(CLAN, OUTSIDER))
                .expectException(CodeArenaException.class)
                .expectExceptionMessage(ErrorCode.NOT_INVITED.defaultMessage());
    }

    @Test
    void invitedPlayerJoinsAsMember() {
        fixture.givenCurrentTime(T0).andGiven(FULL).andGiven(new PlayerInvitedToClan(CLAN, OUTSIDER, LEADER, T0))
                .when(new JoinClanCommand(CLAN, OUTSIDER))
                .expectEvents(new PlayerJoinedClan(CLAN, OUTSIDER, T0));
    }

    @Test
    void memberLeaves() {
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new LeaveClanCommand(CLAN, MEMBER))
                .expectEvents(new PlayerLeftClan(CLAN, MEMBER, null, T0));
    }

    @Test
    void leaderMustHandOverBeforeLeaving() {
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new LeaveClanCommand(CLAN, LEADER))
                .expectException(CodeArenaException.class)
                .expectExceptionMessage(ErrorCode.LEADER_MUST_TRANSFER.defaultMessage());
    }

    @Test
    void lastLeaderLeavingDisbandsTheClan() {
        fixture.givenCurrentTime(T0).andGiven(CREATED)
                .when(new LeaveClanCommand(CLAN, LEADER))
                .expectEvents(new PlayerLeftClan(CLAN, LEADER, null, T0), new ClanDisbanded(CLAN, List.of(LEADER), LEADER, T0));
    }

    @Test
    void handingOverLeadershipMakesTheOldLeaderAnOfficer() {
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new ChangeClanRoleCommand(CLAN, LEADER, MEMBER, ClanRole.LEADER))
                .expectEvents(new ClanRoleChanged(CLAN, LEADER, ClanRole.LEADER, ClanRole.OFFICER, LEADER, T0),
                        new ClanRoleChanged(CLAN, MEMBER, ClanRole.MEMBER, ClanRole.LEADER, LEADER, T0));
    }

    @Test
    void officerRemovesAMemberButNotAnotherOfficer() {
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new RemoveClanMemberCommand(CLAN, OFFICER, MEMBER))
                .expectEvents(new PlayerLeftClan(CLAN, MEMBER, OFFICER, T0));
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new RemoveClanMemberCommand(CLAN, OFFICER, LEADER))
                .expectException(CodeArenaException.class);
    }

    @Test
    void onlyTheLeaderDisbands() {
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new DisbandClanCommand(CLAN, LEADER))
                .expectEvents(new ClanDisbanded(CLAN, List.of(LEADER, OFFICER, MEMBER), LEADER, T0));
        fixture.givenCurrentTime(T0).andGiven(FULL)
                .when(new DisbandClanCommand(CLAN, OFFICER))
                .expectException(CodeArenaException.class);
    }

    @Test
    void disbandedClanRefusesEverything() {
        fixture.givenCurrentTime(T0).andGiven(FULL).andGiven(new ClanDisbanded(CLAN, List.of(LEADER, OFFICER, MEMBER), LEADER, T0))
                .when(new InviteToClanCommand(CLAN, LEADER, OUTSIDER))
                .expectException(CodeArenaException.class)
                .expectExceptionMessage(ErrorCode.CLAN_DISBANDED.defaultMessage());
    }
}
