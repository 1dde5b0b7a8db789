package dev.codearena.platform.it;

import dev.codearena.platform.it.ProbeMessages.OpenProbe;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The platform end to end on real PostgreSQL and Redis: a command through the command bus, its
 * event in the event table, a tracking projection with its token, and a deadline that was
 * scheduled by one process and fires in the next one (a new application context on the same
 * database).
 */
@EmbeddedInfrastructureTest
class AxonOnPostgresIntegrationTest {

    private static final Duration EXPIRY = Duration.ofSeconds(8);

    @Test
    void commandEventProjectionAndDeadlineSurvivingARestart() {
        String database = EmbeddedInfrastructureExtension.newDatabase("platform_it");
        String probeId = "probe-" + UUID.randomUUID();

        try (ConfigurableApplicationContext first = start(database)) {
            assertThat(first.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            assertThat(first.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            assertThat(first.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
            assertThat(first.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);

            first.getBean(CommandGateway.class).sendAndWait(new OpenProbe(probeId, EXPIRY));

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(eventTypes(jdbc, probeId)).containsExactly(ProbeMessages.ProbeOpened.class.getName());
            awaitTrue("projection row for " + probeId, Duration.ofSeconds(15),
                    () -> jdbc.queryForList("SELECT expired FROM probe_view WHERE probe_id = ?", Boolean.class, probeId)
                            .equals(List.of(false)));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ? AND token IS NOT NULL",
                    Integer.class, ProbeProjection.GROUP)).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_data IS NOT NULL",
                    Integer.class)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(database)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(eventTypes(jdbc, probeId))
                    .as("the deadline must not have fired before the first process stopped, or this test proves nothing")
                    .containsExactly(ProbeMessages.ProbeOpened.class.getName());

            awaitTrue("deadline fired after restart", EXPIRY.plusSeconds(15),
                    () -> eventTypes(jdbc, probeId).size() == 2);
            assertThat(eventTypes(jdbc, probeId)).containsExactly(
                    ProbeMessages.ProbeOpened.class.getName(), ProbeMessages.ProbeExpired.class.getName());
            awaitTrue("projection saw the expiry", Duration.ofSeconds(15),
                    () -> Boolean.TRUE.equals(jdbc.queryForObject(
                            "SELECT expired FROM probe_view WHERE probe_id = ?", Boolean.class, probeId)));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isZero();
        }
    }

    @Test
    void redisAndHealthAreWired() {
        try (ConfigurableApplicationContext context = start(EmbeddedInfrastructureExtension.newDatabase("platform_health"))) {
            ReactiveStringRedisTemplate redis = context.getBean(ReactiveStringRedisTemplate.class);
            String key = "platform-it:" + UUID.randomUUID();
            assertThat(redis.opsForValue().set(key, "alive").then(redis.opsForValue().get(key))
                    .block(Duration.ofSeconds(5))).isEqualTo("alive");

            CompositeHealth health = (CompositeHealth) context.getBean(HealthEndpoint.class).health();
            assertThat(health.getComponents()).containsKeys("db", "redis", "eventStore");
            assertThat(health.getComponents().get("eventStore").getStatus()).isEqualTo(Status.UP);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            CompositeHealth readiness = (CompositeHealth) context.getBean(HealthEndpoint.class).healthForPath("readiness");
            assertThat(readiness.getComponents()).containsKeys("db", "redis", "eventStore");
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl) {
        return new SpringApplicationBuilder(ProbeApplication.class)
                .web(WebApplicationType.NONE)
                // Arguments, because they beat the system properties the test extension sets.
                .run("--codearena.postgres.url=" + databaseUrl,
                        "--spring.flyway.locations=classpath:db/migration,classpath:db/probe");
    }

    private static List<String> eventTypes(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, aggregateId);
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
        fail("timed out after " + timeout + " waiting for " + what);
    }
}
