package dev.codearena.arena.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codearena.command.gateway.GatewayTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The steps of a Blitz match played through the public protocol, shared by the one-instance and
 * the two-instance end-to-end tests: register, queue and get matched, join, then a wrong and an
 * accepted solution through the real judge up to {@code match:end}, with every assertion about who
 * sees what (per-test verdicts to the author only, final verdicts, lock and end to everyone, never code).
 */
final class BlitzPlay {

    /** How long a client waits for each frame: verdicts come from the real judge. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private BlitzPlay() {
    }

    /** Registers a player over HTTP at {@code baseUrl}; returns its access token. */
    static String register(String baseUrl, String handle) {
        JsonNode body = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/auth/register")
                .bodyValue(Map.of("handle", handle, "email", handle + "@example.org", "password", "correct horse battery",
                        "playerClass", "HACKER"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.path("accessToken").asText();
    }

    /** Waits until the catalogue (loaded in the background, tests generated on first start) has a Blitz problem of difficulty 1. */
    static void awaitCatalogue(IntSupplier blitzProblemsOfDifficultyOne) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (blitzProblemsOfDifficultyOne.getAsInt() == 0) {
            assertThat(System.nanoTime()).as("a Blitz problem of difficulty 1 in the catalogue").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    static final String BLITZ_PROBLEMS_OF_DIFFICULTY_ONE =
            "SELECT count(*) FROM gateway_problem WHERE difficulty <= 1 AND modes LIKE '%BLITZ%'";

    /** Both queue for Blitz and are matched together; returns the match id. */
    static String matchUp(GatewayTestClient a, GatewayTestClient b) {
        a.send("lobby:queue", "qa", Map.of("mode", "BLITZ"));
        assertThat(a.reply("qa").path("type").asText()).isEqualTo("lobby:queued");
        b.send("lobby:queue", "qb", Map.of("mode", "BLITZ"));
        assertThat(b.reply("qb").path("type").asText()).isEqualTo("lobby:queued");
        String matchId = a.await("lobby:found").path("payload").path("matchId").asText();
        assertThat(b.await("lobby:found").path("payload").path("matchId").asText()).isEqualTo(matchId);
        return matchId;
    }

    /** Players join, the spectator watches; each gets {@code match:state}. Returns the match's (only) problem id. */
    static String join(GatewayTestClient a, GatewayTestClient b, GatewayTestClient spectator, String matchId) {
        a.send("match:join", "ja", Map.of("matchId", matchId));
        b.send("match:join", "jb", Map.of("matchId", matchId));
        spectator.send("spectate:join", "js", Map.of("matchId", matchId));
        JsonNode state = a.reply("ja");
        assertThat(state.path("type").asText()).isEqualTo("match:state");
        assertThat(b.reply("jb").path("type").asText()).isEqualTo("match:state");
        assertThat(spectator.reply("js").path("type").asText()).isEqualTo("match:state");
        return state.path("payload").path("problems").get(0).path("problemId").asText();
    }

    /** Ticks reach the spectator, and the match gets past its countdown. */
    static void awaitTicksAndRunning(GatewayTestClient player, GatewayTestClient spectator) {
        // between startsAt and the start deadline firing (late under load) ticks count down from 0
        JsonNode tick = spectator.await(n -> n.path("type").asText().equals("match:tick")
                && n.path("payload").path("remainingMs").asLong() > 0, Duration.ofSeconds(60), "a tick with time left");
        assertThat(tick.path("payload").path("endsAt").asText()).isNotBlank();
        player.await(n -> n.path("type").asText().equals("match:phase") || n.path("type").asText().equals("match:tick")
                && n.path("payload").path("remainingMs").asLong() > 3_000, Duration.ofSeconds(30), "running");
    }

    static String acceptedSolution(String problem) throws IOException {
        return Files.readString(Path.of("..", "problems", problem, "solutions", "ref.py"));
    }

    /**
     * {@code b} submits a wrong answer, then {@code a} the accepted one, which locks the only problem
     * and ends the match; checks verdicts, lock, end and rating changes at all three and that
     * neither code nor others' per-test verdicts leak.
     */
    static void wrongThenAccepted(GatewayTestClient a, GatewayTestClient b, GatewayTestClient s, String matchId, String problem) throws Exception {
        String accepted = acceptedSolution(problem);
        // b: wrong answer
        Map<String, Object> wrong = Map.of("matchId", matchId, "problemId", problem, "language", "python3", "code", "print(-12345)");
        JsonNode bobSubmitted = submitWhenRunning(b, "wb", wrong);
        String bobSubmission = bobSubmitted.path("payload").path("submissionId").asText();
        JsonNode bobFinal = b.await(n -> isFinalVerdict(n, bobSubmission), Duration.ofSeconds(90), "b's final verdict");
        String verdict = bobFinal.path("payload").path("verdict").asText();
        assertThat(verdict).isEqualTo("WA");
        // the same final verdict reaches the opponent and the spectator, without the code
        assertThat(a.await(n -> isFinalVerdict(n, bobSubmission), Duration.ofSeconds(10), "verdict at a")
                .path("payload").path("verdict").asText()).isEqualTo(verdict);
        assertThat(s.await(n -> isFinalVerdict(n, bobSubmission), Duration.ofSeconds(10), "verdict at the spectator")
                .path("payload").path("verdict").asText()).isEqualTo(verdict);
        Thread.sleep(1_000);
        assertThat(s.everything()).noneMatch(n -> "test".equals(n.path("payload").path("stage").asText()));
        assertThat(a.everything()).noneMatch(n -> "test".equals(n.path("payload").path("stage").asText())
                && bobSubmission.equals(n.path("payload").path("submissionId").asText()));
        assertThat(s.everything()).noneMatch(n -> n.toString().contains("print(-12345)"));
        assertThat(a.everything()).noneMatch(n -> n.toString().contains("print(-12345)"));
        assertThat(b.everything()).anyMatch(n -> "test".equals(n.path("payload").path("stage").asText())
                && bobSubmission.equals(n.path("payload").path("submissionId").asText()));

        // a: accepted, locks the only problem, which ends the match with rating changes
        JsonNode aliceSubmitted = submitWhenRunning(a, "wa", Map.of("matchId", matchId, "problemId", problem,
                "language", "python3", "code", accepted));
        String aliceSubmission = aliceSubmitted.path("payload").path("submissionId").asText();
        assertThat(a.await(n -> isFinalVerdict(n, aliceSubmission), Duration.ofSeconds(90), "a's verdict")
                .path("payload").path("verdict").asText()).isEqualTo("AC");
        for (GatewayTestClient client : List.of(a, b, s)) {
            assertThat(client.await("match:lockout").path("payload").toString()).contains(problem);
            JsonNode end = client.await(n -> n.path("type").asText().equals("match:end"), Duration.ofSeconds(60), "match:end");
            assertThat(end.path("payload").path("ratingChanges")).hasSize(2);
        }
        assertThat(s.everything()).noneMatch(n -> n.toString().contains(accepted.strip()));
        assertThat(b.everything()).noneMatch(n -> "test".equals(n.path("payload").path("stage").asText())
                && aliceSubmission.equals(n.path("payload").path("submissionId").asText()));
    }

    static boolean isFinalVerdict(JsonNode n, String submissionId) {
        return n.path("type").asText().equals("match:verdict") && !"test".equals(n.path("payload").path("stage").asText())
                && submissionId.equals(n.path("payload").path("submissionId").asText());
    }

    /** Submits, retrying while the match is still counting down to its start. */
    static JsonNode submitWhenRunning(GatewayTestClient client, String id, Map<String, Object> submission) throws InterruptedException {
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
}
