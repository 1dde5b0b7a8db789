package dev.codearena.query.projection;

import dev.codearena.query.QueryProcessingGroups;
import static dev.codearena.query.support.Sql.ts;

import dev.codearena.api.clan.ClanCreated;
import dev.codearena.api.clan.ClanDisbanded;
import dev.codearena.api.clan.ClanRole;
import dev.codearena.api.clan.ClanRoleChanged;
import dev.codearena.api.clan.PlayerJoinedClan;
import dev.codearena.api.clan.PlayerLeftClan;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Clan pages and memberships (the per-clan leaderboard joins them with the players' ratings). Clan
 * events are rare, so each one is written at once, still inside the processor's transaction.
 */
@Component
@ProcessingGroup(ClanProjection.GROUP)
class ClanProjection {

    static final String GROUP = QueryProcessingGroups.CLANS;

    private final JdbcTemplate jdbc;

    ClanProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClanCreated event) {
        jdbc.update("INSERT INTO qs_clan (clan_id, name, tag, leader_id, created_at) VALUES (?, ?, ?, ?, ?)",
                event.clanId().value(), event.name(), event.tag(), event.leader().value(), ts(event.createdAt()));
        jdbc.update("INSERT INTO qs_clan_member (clan_id, player_id, role, joined_at) VALUES (?, ?, ?, ?)",
                event.clanId().value(), event.leader().value(), ClanRole.LEADER.name(), ts(event.createdAt()));
    }

    @EventHandler
    void on(PlayerJoinedClan event) {
        jdbc.update("INSERT INTO qs_clan_member (clan_id, player_id, role, joined_at) VALUES (?, ?, ?, ?)",
                event.clanId().value(), event.playerId().value(), ClanRole.MEMBER.name(), ts(event.joinedAt()));
    }

    @EventHandler
    void on(PlayerLeftClan event) {
        jdbc.update("DELETE FROM qs_clan_member WHERE clan_id = ? AND player_id = ?", event.clanId().value(), event.playerId().value());
    }

    @EventHandler
    void on(ClanRoleChanged event) {
        jdbc.update("UPDATE qs_clan_member SET role = ? WHERE clan_id = ? AND player_id = ?",
                event.to().name(), event.clanId().value(), event.member().value());
        if (event.to() == ClanRole.LEADER) {
            jdbc.update("UPDATE qs_clan SET leader_id = ? WHERE clan_id = ?", event.member().value(), event.clanId().value());
        }
    }

    @EventHandler
    void on(ClanDisbanded event) {
        jdbc.update("UPDATE qs_clan SET disbanded_at = ? WHERE clan_id = ?", ts(event.disbandedAt()), event.clanId().value());
        jdbc.update("DELETE FROM qs_clan_member WHERE clan_id = ?", event.clanId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE qs_clan, qs_clan_member");
    }
}
