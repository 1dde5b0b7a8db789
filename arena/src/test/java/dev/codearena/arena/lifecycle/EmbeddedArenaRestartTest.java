package dev.codearena.arena.lifecycle;

import dev.codearena.arena.ArenaApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.rsocket.RSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-process arena with its embedded PostgreSQL and Redis, as the README's run command
 * starts it: ready with health UP and RSocket over WebSocket on the same port, stopping leaves no server process behind, and a second start
 * on the same data directory finds the events of the first.
 */
class EmbeddedArenaRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void eventsSurviveARestartAndNoServerOutlivesTheArena() throws IOException {
        String beaconId = "beacon-" + UUID.randomUUID();
        long postgresPid;
        long redisPid;

        try (ConfigurableApplicationContext arena = startArena()) {
            assertThat(readiness(arena)).containsEntry("status", "UP");
            assertThat(rsocketOverWebSocketConnects(arena)).as("RSocket over WebSocket on the HTTP port at /rsocket").isTrue();
            arena.getBean(CommandGateway.class).sendAndWait(new Beacon.LightBeacon(beaconId, "first run"));
            postgresPid = pidIn(dataDirectory.resolve("postgres/postmaster.pid"));
            redisPid = pidIn(dataDirectory.resolve("redis/redis.pid"));
            assertThat(ProcessHandle.of(postgresPid)).get().matches(ProcessHandle::isAlive);
            assertThat(ProcessHandle.of(redisPid)).get().matches(ProcessHandle::isAlive);
        }

        assertThat(exitedWithin(postgresPid, Duration.ofSeconds(10))).as("postgres (pid %d) gone after stop", postgresPid).isTrue();
        assertThat(exitedWithin(redisPid, Duration.ofSeconds(10))).as("redis (pid %d) gone after stop", redisPid).isTrue();
        assertThat(dataDirectory.resolve("postgres/postmaster.pid")).doesNotExist();

        try (ConfigurableApplicationContext arena = startArena()) {
            List<Object> payloads = arena.getBean(EventStore.class).readEvents(beaconId).asStream()
                    .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
            assertThat(payloads).containsExactly(new Beacon.BeaconLit(beaconId, "first run"));
        }
    }

    private ConfigurableApplicationContext startArena() {
        // Empty external URLs: an embedded-infrastructure test extension elsewhere in this JVM
        // may have published system properties; this test is about the embedded mode.
        return new SpringApplicationBuilder(ArenaApplication.class).run(
                "--server.port=0",
                "--codearena.embedded=true",
                "--codearena.postgres.url=",
                "--codearena.redis.url=",
                "--codearena.data-dir=" + dataDirectory,
                "--codearena.embedded.durable=false");
    }

    private static boolean rsocketOverWebSocketConnects(ConfigurableApplicationContext arena) {
        int port = ((WebServerApplicationContext) arena).getWebServer().getPort();
        RSocketRequester requester = RSocketRequester.builder()
                .websocket(URI.create("ws://localhost:" + port + "/rsocket"));
        try {
            RSocket connection = requester.rsocketClient().source().block(Duration.ofSeconds(10));
            return connection != null && !connection.isDisposed();
        } finally {
            requester.dispose();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readiness(ConfigurableApplicationContext arena) {
        int port = ((WebServerApplicationContext) arena).getWebServer().getPort();
        return WebClient.create("http://localhost:" + port).get().uri("/actuator/health/readiness")
                .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(10));
    }

    /** Also waits for the exited postmaster to be reaped: it is not our child, so init reaps it. */
    private static boolean exitedWithin(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static long pidIn(Path pidFile) throws IOException {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }
}
