package dev.codearena.command.clan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A clan: one leader, officers who can invite and remove members, members. Joining needs an
 * invitation. The leader leaves only after handing leadership over, unless they are the last member
 * (then the clan is disbanded). A player is in at most one clan: a set-based rule across clans,
 * checked here against {@link ClanMemberships} (a lookup table written in the same transaction as
 * the events, whose primary key also refuses a concurrent second membership).
 */
@Aggregate
public class Clan {

    static final int MAX_MEMBERS = 50;
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9]{2,5}");

    @AggregateIdentifier
    private ClanId clanId;
    private final Map<PlayerId, ClanRole> members = new LinkedHashMap<>();
    private final Set<PlayerId> invited = new HashSet<>();
    private boolean disbanded;

    protected Clan() {
    }

    @CommandHandler
    public Clan(CreateClanCommand command, Clock clock, ClanMemberships memberships) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.length() < 3 || name.length() > 32 || command.tag() == null || !TAG.matcher(command.tag()).matches()) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_CLAN_NAME, null);
        }
        requireClanless(command.founder(), memberships);
        apply(new ClanCreated(command.clanId(), name, command.tag().toUpperCase(java.util.Locale.ROOT), command.founder(),
                clock.instant()));
    }

    @CommandHandler
    void handle(InviteToClanCommand command, Clock clock) {
        requireActive();
        requireRole(command.invitedBy(), ClanRole.OFFICER);
        if (members.containsKey(command.invitee())) {
            throw CodeArenaException.rule(ErrorCode.ALREADY_CLAN_MEMBER);
        }
        if (!invited.contains(command.invitee())) {
            apply(new PlayerInvitedToClan(clanId, command.invitee(), command.invitedBy(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(JoinClanCommand command, Clock clock, ClanMemberships memberships) {
        requireActive();
        if (members.containsKey(command.playerId())) {
            throw CodeArenaException.rule(ErrorCode.ALREADY_CLAN_MEMBER);
        }
        if (!invited.contains(command.playerId())) {
            throw CodeArenaException.rule(ErrorCode.NOT_INVITED);
        }
        if (members.size() >= MAX_MEMBERS) {
            throw CodeArenaException.rule(ErrorCode.CLAN_FULL);
        }
        requireClanless(command.playerId(), memberships);
        apply(new PlayerJoinedClan(clanId, command.playerId(), clock.instant()));
    }

    @CommandHandler
    void handle(LeaveClanCommand command, Clock clock) {
        requireActive();
        ClanRole role = roleOf(command.playerId());
        Instant now = clock.instant();
        if (role == ClanRole.LEADER) {
            if (members.size() > 1) {
                throw CodeArenaException.rule(ErrorCode.LEADER_MUST_TRANSFER);
            }
            apply(new PlayerLeftClan(clanId, command.playerId(), null, now));
            apply(new ClanDisbanded(clanId, java.util.List.of(command.playerId()), command.playerId(), now));
            return;
        }
        apply(new PlayerLeftClan(clanId, command.playerId(), null, now));
    }

    @CommandHandler
    void handle(ChangeClanRoleCommand command, Clock clock) {
        requireActive();
        requireRole(command.changedBy(), ClanRole.LEADER);
        ClanRole current = roleOf(command.member());
        if (command.member().equals(command.changedBy()) || current == command.role()) {
            return; // the leader's own role only changes by handing leadership over
        }
        Instant now = clock.instant();
        if (command.role() == ClanRole.LEADER) {
            apply(new ClanRoleChanged(clanId, command.changedBy(), ClanRole.LEADER, ClanRole.OFFICER, command.changedBy(), now));
        }
        apply(new ClanRoleChanged(clanId, command.member(), current, command.role(), command.changedBy(), now));
    }

    @CommandHandler
    void handle(RemoveClanMemberCommand command, Clock clock) {
        requireActive();
        ClanRole remover = requireRole(command.removedBy(), ClanRole.OFFICER);
        ClanRole target = roleOf(command.member());
        if (!remover.outranks(target)) {
            throw CodeArenaException.rule(ErrorCode.CLAN_PERMISSION_DENIED, "only members of lower rank can be removed");
        }
        apply(new PlayerLeftClan(clanId, command.member(), command.removedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(DisbandClanCommand command, Clock clock) {
        requireActive();
        requireRole(command.by(), ClanRole.LEADER);
        apply(new ClanDisbanded(clanId, new ArrayList<>(members.keySet()), command.by(), clock.instant()));
    }

    private static void requireClanless(PlayerId player, ClanMemberships memberships) {
        if (memberships.clanOf(player).isPresent()) {
            throw CodeArenaException.rule(ErrorCode.ALREADY_IN_CLAN); // the player-facing text; ids mean nothing to them
        }
    }

    private void requireActive() {
        if (disbanded) {
            throw CodeArenaException.rule(ErrorCode.CLAN_DISBANDED);
        }
    }

    private ClanRole roleOf(PlayerId player) {
        ClanRole role = members.get(player);
        if (role == null) {
            throw CodeArenaException.rule(ErrorCode.NOT_CLAN_MEMBER, player + " is not in clan " + clanId);
        }
        return role;
    }

    private ClanRole requireRole(PlayerId player, ClanRole atLeast) {
        ClanRole role = roleOf(player);
        if (role.ordinal() < atLeast.ordinal()) {
            throw CodeArenaException.rule(ErrorCode.CLAN_PERMISSION_DENIED, "needs " + atLeast + ", has " + role);
        }
        return role;
    }

    @EventSourcingHandler
    void on(ClanCreated event) {
        clanId = event.clanId();
        members.put(event.leader(), ClanRole.LEADER);
    }

    @EventSourcingHandler
    void on(PlayerInvitedToClan event) {
        invited.add(event.invitee());
    }

    @EventSourcingHandler
    void on(PlayerJoinedClan event) {
        invited.remove(event.playerId());
        members.put(event.playerId(), ClanRole.MEMBER);
    }

    @EventSourcingHandler
    void on(PlayerLeftClan event) {
        members.remove(event.playerId());
    }

    @EventSourcingHandler
    void on(ClanRoleChanged event) {
        members.put(event.member(), event.to());
    }

    @EventSourcingHandler
    void on(ClanDisbanded event) {
        disbanded = true;

    }
}
