package dev.codearena.command.clan;

import dev.codearena.api.clan.ClanCreated;
import dev.codearena.api.clan.ClanDisbanded;
import dev.codearena.api.clan.ClanId;
import dev.codearena.api.clan.ClanInvitation;
import dev.codearena.api.clan.ClanRole;
import dev.codearena.api.clan.ClanRoleChanged;
import dev.codearena.api.clan.MyClan;
import dev.codearena.api.clan.PlayerInvitedToClan;
import dev.codearena.api.clan.PlayerJoinedClan;
import dev.codearena.api.clan.PlayerLeftClan;
import dev.codearena.api.player.PlayerId;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The clan tables of the write side ({@code clan_directory}, {@code clan_membership},
 * {@code clan_invitation}). Its processing group is a <em>subscribing</em> processor (see
 * {@link ClanConfiguration}): handlers run in the unit of work of the command that applied the
 * event, inside the same database transaction as the event append, and a failing handler (such as
 * the primary key refusing a second membership) rolls the command back. Not replayed: there is no
 * token; the rows are exactly the effect of the stored events.
 */
@ProcessingGroup(ClanMembershipLookup.PROCESSING_GROUP)
class ClanMembershipLookup implements ClanMemberships {

    static final String PROCESSING_GROUP = "clan-membership";

    private final JdbcTemplate jdbc;

    ClanMembershipLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ClanId> clanOf(PlayerId player) {
        return jdbc.query("SELECT clan_id FROM clan_membership WHERE player_id = ?", (rs, i) -> ClanId.of(rs.getString(1)),
                player.value()).stream().findFirst();
    }

    MyClan of(PlayerId player) {
        List<ClanInvitation> invitations = jdbc.query("""
                        SELECT i.clan_id, d.name, d.tag, i.invited_by, i.invited_at FROM clan_invitation i
                        JOIN clan_directory d ON d.clan_id = i.clan_id AND NOT d.disbanded
                        WHERE i.player_id = ? ORDER BY i.invited_at DESC, i.clan_id""",
                (rs, i) -> new ClanInvitation(ClanId.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        PlayerId.of(rs.getString(4)), rs.getTimestamp(5).toInstant()),
                player.value());
        return jdbc.query("""
                        SELECT m.clan_id, d.name, d.tag, m.role FROM clan_membership m
                        JOIN clan_directory d ON d.clan_id = m.clan_id WHERE m.player_id = ?""",
                        (rs, i) -> new MyClan(ClanId.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                                ClanRole.valueOf(rs.getString(4)), invitations),
                        player.value()).stream().findFirst()
                .orElseGet(() -> new MyClan(null, null, null, null, invitations));
    }

    /** The player id of an account handle (case-insensitive), from the gateway's accounts. */
    Optional<PlayerId> playerByHandle(String handle) {
        return jdbc.query("SELECT account_id FROM gateway_account WHERE lower(handle) = lower(?)",
                (rs, i) -> PlayerId.of(rs.getString(1)), handle).stream().findFirst();
    }

    @EventHandler
    void on(ClanCreated event) {
        jdbc.update("INSERT INTO clan_directory (clan_id, name, tag) VALUES (?, ?, ?)",
                event.clanId().value(), event.name(), event.tag());
        // a plain INSERT: the primary key refuses a player who is already in a clan
        jdbc.update("INSERT INTO clan_membership (player_id, clan_id, role) VALUES (?, ?, ?)",
                event.leader().value(), event.clanId().value(), ClanRole.LEADER.name());
    }

    @EventHandler
    void on(PlayerInvitedToClan event) {
        jdbc.update("INSERT INTO clan_invitation (clan_id, player_id, invited_by, invited_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (clan_id, player_id) DO NOTHING",
                event.clanId().value(), event.invitee().value(), event.invitedBy().value(), Timestamp.from(event.invitedAt()));
    }

    @EventHandler
    void on(PlayerJoinedClan event) {
        jdbc.update("DELETE FROM clan_invitation WHERE clan_id = ? AND player_id = ?", event.clanId().value(), event.playerId().value());
        jdbc.update("INSERT INTO clan_membership (player_id, clan_id, role) VALUES (?, ?, ?)",
                event.playerId().value(), event.clanId().value(), ClanRole.MEMBER.name());
    }

    @EventHandler
    void on(PlayerLeftClan event) {
        jdbc.update("DELETE FROM clan_membership WHERE player_id = ? AND clan_id = ?", event.playerId().value(), event.clanId().value());
    }

    @EventHandler
    void on(ClanRoleChanged event) {
        jdbc.update("UPDATE clan_membership SET role = ? WHERE player_id = ? AND clan_id = ?",
                event.to().name(), event.member().value(), event.clanId().value());
    }

    @EventHandler
    void on(ClanDisbanded event) {
        jdbc.update("UPDATE clan_directory SET disbanded = TRUE WHERE clan_id = ?", event.clanId().value());
        jdbc.update("DELETE FROM clan_membership WHERE clan_id = ?", event.clanId().value());
        jdbc.update("DELETE FROM clan_invitation WHERE clan_id = ?", event.clanId().value());
    }
}
