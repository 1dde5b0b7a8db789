package dev.codearena.arena.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.arena.ArenaApplication;
import dev.codearena.command.gateway.GatewayTestClient;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole arena in one process (gateway, engine, real judge with the local sandbox, query side,
 * embedded PostgreSQL and Redis) driven only through its public protocol: players register over
 * HTTP, queue for Blitz (one over WebSocket, one over RSocket), are matched by the engine, receive
 * {@code match:state}, ticks and chat; a wrong and an accepted solution go through the engine and
 * the judge: per-test verdicts reach their author only, final verdicts, the lock and {@code match:end}
 * with rating changes reach both players and a spectator, never the code; bad tokens, floods,
 * malformed and unauthorised messages get their documented errors.
 */
@EmbeddedInfrastructureTest
@SpringBootTest(classes = ArenaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "codearena.data-dir=target/test-data/e2e",
                "codearena.problems.dir=../problems",
                "codearena.matchmaking.pass-interval=500ms",
                "codearena.matchmaking.modes.BLITZ.problem-count=1",
                "codearena.matchmaking.modes.BLITZ.max-difficulty=1",
                "codearena.matchmaking.modes.BLITZ.duration-seconds=120",
                "codearena.matchmaking.modes.BLITZ.start-delay-seconds=2"
        })
// Closed after the class: a cached context would keep consuming the shared Redis judge streams
// (jobs and results) against its own database while later test classes run.
@DirtiesContext
class ArenaEndToEndTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void playersAreMatchedAndPlayOverWebSocketAndRSocketWatchedByASpectator() throws Exception {
        BlitzPlay.awaitCatalogue(() -> jdbc.queryForObject(BlitzPlay.BLITZ_PROBLEMS_OF_DIFFICULTY_ONE, Integer.class));
        String base = "http://localhost:" + port;
        String run = UUID.randomUUID().toString().substring(0, 6);
        String alice = BlitzPlay.register(base, "alice_" + run);
        String bob = BlitzPlay.register(base, "bob_" + run);
        String sam = BlitzPlay.register(base, "sam_" + run);

        assertThat(WebTestClient.bindToServer().baseUrl(base).build()
                .get().uri("/ws?access_token=forged").header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange().returnResult(String.class).getStatus().value()).isEqualTo(401);

        try (GatewayTestClient a = GatewayTestClient.webSocket(port, alice, BlitzPlay.PATIENCE);
             GatewayTestClient b = GatewayTestClient.rsocket(port, bob, BlitzPlay.PATIENCE);
             GatewayTestClient s = GatewayTestClient.webSocket(port, sam, BlitzPlay.PATIENCE)) {
            String matchId = BlitzPlay.matchUp(a, b);
            String problem = BlitzPlay.join(a, b, s, matchId);
            String accepted = BlitzPlay.acceptedSolution(problem);

            // errors on a live connection, which carries on
            s.send("match:submit", "spy", Map.of("matchId", matchId, "problemId", problem, "language", "python3", "code", accepted));
            assertThat(s.reply("spy").path("payload").path("code").asText()).isEqualTo("NOT_IN_MATCH");
            a.send("{oops");
            assertThat(a.await("error").path("payload").path("code").asText()).isEqualTo("MALFORMED_MESSAGE");
            a.send("match:explode", "x", Map.of());
            assertThat(a.reply("x").path("payload").path("code").asText()).isEqualTo("UNKNOWN_MESSAGE_TYPE");
            for (int i = 0; i < 10; i++) {
                a.send("chat:send", "c" + i, Map.of("channel", "MATCH", "matchId", matchId, "text", "gl " + i));
                assertThat(a.reply("c" + i).path("type").asText()).isEqualTo("ack");
            }
            a.send("chat:send", "c10", Map.of("channel", "MATCH", "matchId", matchId, "text", "flood"));
            assertThat(a.reply("c10").path("payload").path("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(b.await(n -> n.path("type").asText().equals("chat:message"), Duration.ofSeconds(10), "chat").path("payload")
                    .path("text").asText()).startsWith("gl ");

            BlitzPlay.awaitTicksAndRunning(a, s);
            BlitzPlay.wrongThenAccepted(a, b, s, matchId, problem);
        }
    }
}
