package dev.codearena.platform.it;

import dev.codearena.platform.it.ProbeMessages.ProbeExpired;
import dev.codearena.platform.it.ProbeMessages.ProbeOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tracking projection into probe_view (db/probe migration), written in the token's transaction. */
@Component
@ProcessingGroup(ProbeProjection.GROUP)
class ProbeProjection {

    static final String GROUP = "probe-view";

    private final JdbcTemplate jdbc;

    ProbeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProbeOpened event) {
        jdbc.update("INSERT INTO probe_view (probe_id, expired) VALUES (?, false) ON CONFLICT DO NOTHING", event.probeId());
    }

    @EventHandler
    void on(ProbeExpired event) {
        jdbc.update("UPDATE probe_view SET expired = true WHERE probe_id = ?", event.probeId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM probe_view");
    }
}
