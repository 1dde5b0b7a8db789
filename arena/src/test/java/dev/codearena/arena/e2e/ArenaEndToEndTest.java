package dev.codearena.arena.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codearena.arena.ArenaApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        // the catalogue loads in the background (tests are generated on first start)
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM gateway_problem WHERE difficulty <= 1 AND modes LIKE '%BLITZ%'",
                Integer.class) == 0) {
            assertThat(System.nanoTime()).as("a Blitz problem of difficulty 1 in the catalogue").isLessThan(deadline);
            Thread.sleep(500);
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        String alice = register("alice_" + run);
        String bob = register("bob_" + run);
        String sam = register("sam_" + run);

        assertThat(WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/ws?access_token=forged").header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange().returnResult(String.class).getStatus().value()).isEqualTo(401);

        try (ArenaClient a = ArenaClient.webSocket(port, alice);
             ArenaClient b = ArenaClient.rsocket(port, bob);
             ArenaClient s = ArenaClient.webSocket(port, sam)) {
            a.send("lobby:queue", "qa", Map.of("mode", "BLITZ"));
            assertThat(a.reply("qa").path("type").asText()).isEqualTo("lobby:queued");
            b.send("lobby:queue", "qb", Map.of("mode", "BLITZ"));
            assertThat(b.reply("qb").path("type").asText()).isEqualTo("lobby:queued");
            String matchId = a.await("lobby:found").path("payload").path("matchId").asText();
            assertThat(b.await("lobby:found").path("payload").path("matchId").asText()).isEqualTo(matchId);

            a.send("match:join", "ja", Map.of("matchId", matchId));
            b.send("match:join", "jb", Map.of("matchId", matchId));
            s.send("spectate:join", "js", Map.of("matchId", matchId));
            JsonNode state = a.reply("ja");
            assertThat(state.path("type").asText()).isEqualTo("match:state");
            assertThat(b.reply("jb").path("type").asText()).isEqualTo("match:state");
            assertThat(s.reply("js").path("type").asText()).isEqualTo("match:state");
            String problem = state.path("payload").path("problems").get(0).path("problemId").asText();
            String accepted = Files.readString(Path.of("..", "problems", problem, "solutions", "ref.py"));

            // errors on a live connection, which carries on
            s.send("match:submit", "spy", Map.of("matchId", matchId, "problemId", problem, "language", "python3", "code", accepted));
            assertThat(s.reply("spy").path("payload").path("code").asText()).isEqualTo("NOT_IN_MATCH");
            a.sendRaw("{oops");
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

            JsonNode tick = s.await("match:tick");
            assertThat(tick.path("payload").path("remainingMs").asLong()).isPositive();
            a.await(n -> n.path("type").asText().equals("match:phase") || n.path("type").asText().equals("match:tick")
                    && n.path("payload").path("remainingMs").asLong() > 3_000, Duration.ofSeconds(30), "running");

            // bob: wrong answer
            Map<String, Object> wrong = Map.of("matchId", matchId, "problemId", problem, "language", "python3", "code", "print(-12345)");
            JsonNode bobSubmitted = submitWhenRunning(b, "wb", wrong);
            String bobSubmission = bobSubmitted.path("payload").path("submissionId").asText();
            JsonNode bobFinal = b.await(n -> isFinalVerdict(n, bobSubmission), Duration.ofSeconds(90), "bob's final verdict");
            String verdict = bobFinal.path("payload").path("verdict").asText();
            assertThat(verdict).isEqualTo("WA");
            // the same final verdict reaches the opponent (WebSocket) and the spectator, without the code
            assertThat(a.await(n -> isFinalVerdict(n, bobSubmission), Duration.ofSeconds(10), "verdict at alice")
                    .path("payload").path("verdict").asText()).isEqualTo(verdict);
            assertThat(s.await(n -> isFinalVerdict(n, bobSubmission), Duration.ofSeconds(10), "verdict at the spectator")
                    .path("payload").path("verdict").asText()).isEqualTo(verdict);
            Thread.sleep(1_000);
            assertThat(s.everything).noneMatch(n -> "test".equals(n.path("payload").path("stage").asText()));
            assertThat(a.everything).noneMatch(n -> "test".equals(n.path("payload").path("stage").asText())
                    && bobSubmission.equals(n.path("payload").path("submissionId").asText()));
            assertThat(s.everything).noneMatch(n -> n.toString().contains("print(-12345)"));
            assertThat(a.everything).noneMatch(n -> n.toString().contains("print(-12345)"));
            assertThat(b.everything).anyMatch(n -> "test".equals(n.path("payload").path("stage").asText())
                    && bobSubmission.equals(n.path("payload").path("submissionId").asText()));

            // alice: accepted, locks the only problem, which ends the match with rating changes
            JsonNode aliceSubmitted = submitWhenRunning(a, "wa", Map.of("matchId", matchId, "problemId", problem,
                    "language", "python3", "code", accepted));
            String aliceSubmission = aliceSubmitted.path("payload").path("submissionId").asText();
            assertThat(a.await(n -> isFinalVerdict(n, aliceSubmission), Duration.ofSeconds(90), "alice's verdict")
                    .path("payload").path("verdict").asText()).isEqualTo("AC");
            for (ArenaClient client : List.of(a, b, s)) {
                assertThat(client.await("match:lockout").path("payload").toString()).contains(problem);
                JsonNode end = client.await(n -> n.path("type").asText().equals("match:end"), Duration.ofSeconds(60), "match:end");
                assertThat(end.path("payload").path("ratingChanges")).hasSize(2);
            }
            assertThat(s.everything).noneMatch(n -> n.toString().contains(accepted.strip()));
            assertThat(b.everything).noneMatch(n -> "test".equals(n.path("payload").path("stage").asText())
                    && aliceSubmission.equals(n.path("payload").path("submissionId").asText()));
        }
    }

    private static boolean isFinalVerdict(JsonNode n, String submissionId) {
        return n.path("type").asText().equals("match:verdict") && !"test".equals(n.path("payload").path("stage").asText())
                && submissionId.equals(n.path("payload").path("submissionId").asText());
    }

    /** Submits, retrying while the match is still counting down to its start. */
    private static JsonNode submitWhenRunning(ArenaClient client, String id, Map<String, Object> submission) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            client.send("match:submit", id + attempt, submission);
            JsonNode reply = client.reply(id + attempt);
            if (reply.path("type").asText().equals("match:submitted")) {
                return reply;
            }
            String code = reply.path("payload").path("code").asText();
            assertThat(code).as("%s", reply).isIn("MATCH_NOT_RUNNING", "RATE_LIMITED");
            Thread.sleep(2_100);
        }
        throw new AssertionError("the match never accepted a submission");
    }

    private String register(String handle) {
        JsonNode body = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/auth/register")
                .bodyValue(Map.of("handle", handle, "email", handle + "@example.org", "password", "correct horse battery",
                        "playerClass", "HACKER"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.path("accessToken").asText();
    }
}
