package dev.codearena.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.util.Arrays;
import java.util.Locale;

/**
 * One structured line once the service is ready: where it listens, which profile, and which
 * PostgreSQL/Redis it uses (embedded with its data directory, or external).
 */
class ArenaStartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ArenaStartupReport.class);

    private final Environment environment;

    ArenaStartupReport(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String application = environment.getProperty("spring.application.name", "codearena");
        String profiles = environment.getActiveProfiles().length == 0 ? "default"
                : String.join(",", Arrays.asList(environment.getActiveProfiles()));
        String postgres = environment.getProperty("codearena.infrastructure.postgres", "external");
        String redis = environment.getProperty("codearena.infrastructure.redis", "external");
        String eventStore = environment.getProperty("axon.axonserver.enabled", Boolean.class, false)
                ? "axonserver(" + environment.getProperty("axon.axonserver.servers", "localhost:8124") + ")"
                : "postgresql";
        String startup = String.format(Locale.ROOT, "%.1fs",
                event.getTimeTaken() == null ? 0.0 : event.getTimeTaken().toMillis() / 1000.0);
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            int port = web.getWebServer().getPort();
            String base = "localhost:" + port;
            log.info("event=codearena-ready app={} profiles={} http=http://{}/ ws=ws://{}/ rsocket=ws://{}{} "
                            + "health=http://{}/actuator/health eventStore={} postgres={} redis={} startup={}",
                    application, profiles, base, base, base,
                    environment.getProperty("spring.rsocket.server.mapping-path", "/rsocket"), base,
                    eventStore, postgres, redis, startup);
        } else {
            log.info("event=codearena-ready app={} profiles={} web=none eventStore={} postgres={} redis={} startup={}",
                    application, profiles, eventStore, postgres, redis, startup);
        }
    }
}
