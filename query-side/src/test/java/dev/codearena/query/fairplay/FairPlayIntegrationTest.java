package dev.codearena.query.fairplay;

import static dev.codearena.query.testing.QueryTestSupport.awaitCaughtUp;
import static dev.codearena.query.testing.QueryTestSupport.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.api.player.Ratings;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.problem.ProblemVersionPublished;
import java.util.EnumSet;
import dev.codearena.api.rating.EloRatings;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import dev.codearena.query.testing.ArenaHistory.StoredEvent;
import dev.codearena.query.testing.QueryTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fair-play read model on real PostgreSQL, fed through Axon's real event store: two players share
 * a solution (one renames and reformats it, and pastes it 30 s after the reveal), two others solve the
 * same problem independently, and a pair meets six times with one of them always forfeiting while the
 * other submits exactly two minutes in. Exactly the four expected flags appear; the admin API lists,
 * filters, shows evidence with both codes, records a review, refuses bad input with typed errors and
 * non-admins with ADMIN_ONLY; a rebuild recreates identical flags and keeps the review.
 */
@EmbeddedInfrastructureTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FairPlayIntegrationTest {

    private static final String ADMIN = "Authorization";
    private static final String TOKEN = "Bearer " + QueryTestSupport.accessToken("fp-admin", "PLAYER", "ADMIN");
    private static final Path PROBLEMS = Path.of("..", "problems");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final List<String> FAIR_PLAY_TABLES = List.of("qs_fp_match ORDER BY match_id",
            "qs_fp_match_player ORDER BY match_id, player_id", "qs_fp_match_problem ORDER BY match_id, problem_id",
            "qs_fp_problem_base ORDER BY problem_id, hash", "qs_fp_submission ORDER BY match_id, submission_id",
            "qs_fp_fingerprint ORDER BY problem_id, hash, match_id, submission_id", "qs_fp_meeting ORDER BY match_id",
            "qs_fp_flag ORDER BY flag_id");

    private static ConfigurableApplicationContext context;
    private static JdbcTemplate jdbc;
    private static WebTestClient web;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<StoredEvent> events = new ArrayList<>();
    private static final Map<String, Long> sequences = new HashMap<>();
    private static final Map<String, PlayerId> players = new LinkedHashMap<>();
    private static String aliceSource;
    private static String bobSource;

    @BeforeAll
    static void startAndProject() throws IOException {
        context = QueryTestSupport.start(EmbeddedInfrastructureExtension.newDatabase("fair_play_it"));
        jdbc = context.getBean(JdbcTemplate.class);
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        history();
        QueryTestSupport.publish(context.getBean(EventStore.class), events);
        awaitCaughtUp(context, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** The scenario, with real solutions from the problem set. */
    private static void history() throws IOException {
        for (String handle : List.of("alice", "bob", "carol", "dave", "eve", "frank")) {
            PlayerId id = PlayerId.of("fp-" + handle);
            players.put(handle, id);
            emit("Player", id.value(), new PlayerRegistered(id, handle, PlayerClass.HACKER, Ratings.INITIAL_RATING, T0.minusSeconds(86_400)));
        }
        // A published problem whose reference (shown in Sabotage) becomes base code nobody is flagged for.
        ProblemDefinition glueSticks = new ProblemDefinition("Glue sticks", 2, List.of("greedy"), 1000, 256, CheckerSpec.TOKENS,
                EnumSet.allOf(MatchMode.class), "# Glue sticks", "glue-sticks/1/tests", 10,
                new ReferenceSolution(Language.CPP17, read("glue-sticks/solutions/ref.cpp")));
        emit("Problem", "glue-sticks", new ProblemVersionPublished(ProblemId.of("glue-sticks"), 1, "h1", glueSticks, T0.minusSeconds(3600)));
        aliceSource = read("running-median/solutions/ref.cpp");
        bobSource = PlagiarismFingerprintTest.disguise(aliceSource, Language.CPP17);

        // Alice solves running-median normally, 14 minutes in; Dave tries it with a slow solution.
        Instant m1 = T0;
        match("fp-m1", m1, "alice", "dave", "running-median");
        submit("fp-m1", "alice", "running-median", Language.CPP17, aliceSource, m1.plusSeconds(14 * 60), Verdict.AC);
        submit("fp-m1", "dave", "running-median", Language.PYTHON3, read("running-median/solutions/slow.py"), m1.plusSeconds(16 * 60),
                Verdict.TLE);
        end("fp-m1", "alice", "dave", false, m1.plusSeconds(20 * 60));

        // An hour later Bob pastes Alice's solution, renamed and reformatted, 30 s after the reveal.
        Instant m2 = T0.plusSeconds(3600);
        match("fp-m2", m2, "bob", "carol", "running-median");
        submit("fp-m2", "bob", "running-median", Language.CPP17, bobSource, m2.plusSeconds(30), Verdict.AC);
        submit("fp-m2", "carol", "running-median", Language.PYTHON3, read("running-median/solutions/ref.py"), m2.plusSeconds(20 * 60),
                Verdict.AC);
        end("fp-m2", "bob", "carol", false, m2.plusSeconds(21 * 60));

        // Independent solutions of one problem: a reference and a different (slow) algorithm.
        Instant m3 = T0.plusSeconds(2 * 3600);
        match("fp-m3", m3, "carol", "dave", "bonus-tree");
        submit("fp-m3", "carol", "bonus-tree", Language.PYTHON3, read("bonus-tree/solutions/ref.py"), m3.plusSeconds(11 * 60), Verdict.AC);
        submit("fp-m3", "dave", "bonus-tree", Language.PYTHON3, read("bonus-tree/solutions/slow.py"), m3.plusSeconds(9 * 60), Verdict.TLE);
        end("fp-m3", "carol", "dave", false, m3.plusSeconds(15 * 60));

        // Eve and Frank: six 1v1 matches in a day, Frank always forfeits, Eve always submits ~120 s in.
        List<String> eveProblems = List.of("orchard-paths", "ledger-ranges", "price-swing", "zero-balance", "card-check", "glue-sticks");
        double[] eveSeconds = {120.0, 121.0, 119.5, 120.5, 120.0, 119.0};
        for (int i = 0; i < eveProblems.size(); i++) {
            String id = "fp-ef" + i;
            Instant start = T0.plusSeconds(4 * 3600 + i * 2L * 3600);
            String problem = eveProblems.get(i);
            match(id, start, "eve", "frank", problem);
            submit(id, "eve", problem, Language.PYTHON3, read(problem + "/solutions/ref.py"),
                    start.plusMillis((long) (eveSeconds[i] * 1000)), Verdict.AC);
            emit("Match", id, new PlayerForfeited(MatchId.of(id), players.get("frank"), start.plusSeconds(130)));
            end(id, "eve", "frank", true, start.plusSeconds(130));
        }
    }

    @Test
    @Order(1)
    void exactlyTheExpectedFlagsAreRaised() {
        List<Map<String, Object>> flags = jdbc.queryForList("SELECT flag_id, kind, players::text AS players FROM qs_fp_flag ORDER BY kind");
        assertThat(flags).extracting(f -> f.get("kind")).containsExactly("BOT_REGULARITY", "BOT_SPEED", "COLLUSION", "PLAGIARISM");
        Map<String, String> kindToPlayers = flags.stream().collect(Collectors.toMap(f -> (String) f.get("kind"), f -> (String) f.get("players")));
        assertThat(kindToPlayers.get("PLAGIARISM")).contains("fp-alice", "fp-bob").doesNotContain("carol", "dave");
        assertThat(kindToPlayers.get("BOT_SPEED")).contains("fp-bob").doesNotContain("alice");
        assertThat(kindToPlayers.get("BOT_REGULARITY")).contains("fp-eve").doesNotContain("frank");
        assertThat(kindToPlayers.get("COLLUSION")).contains("fp-eve", "fp-frank");
        // The independent pair was really compared (both had enough fingerprints), not skipped.
        assertThat(jdbc.queryForList("SELECT fingerprint_count FROM qs_fp_submission WHERE match_id = 'fp-m3'", Integer.class))
                .allMatch(n -> n >= 15);
    }

    @Test
    @Order(2)
    void adminsListAndFilterFlagsWithoutCode() {
        JsonNode all = get("/api/admin/fair-play/flags");
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(all.toString()).doesNotContain("int main").doesNotContain("\"source\"");
        JsonNode plagiarism = get("/api/admin/fair-play/flags?kind=plagiarism&status=OPEN");
        assertThat(plagiarism.get("total").asLong()).isEqualTo(1);
        JsonNode flag = plagiarism.get("items").get(0);
        assertThat(flag.get("status").asText()).isEqualTo("OPEN");
        assertThat(flag.get("matchIds")).hasSize(2);
        assertThat(flag.get("players").findValuesAsText("handle")).containsExactly("alice", "bob");
        assertThat(flag.get("score").asDouble()).isGreaterThanOrEqualTo(0.6);
        JsonNode paged = get("/api/admin/fair-play/flags?page=1&size=3");
        assertThat(paged.get("items")).hasSize(1);
        JsonNode collusion = get("/api/admin/fair-play/flags?kind=COLLUSION").get("items").get(0);
        assertThat(collusion.get("matchIds")).hasSize(6);
    }

    @Test
    @Order(3)
    void aPlagiarismFlagShowsItsEvidenceAndBothCodes() {
        String id = get("/api/admin/fair-play/flags?kind=PLAGIARISM").get("items").get(0).get("flagId").asText();
        JsonNode detail = get("/api/admin/fair-play/flags/" + id);
        JsonNode evidence = detail.get("evidence");
        assertThat(evidence.get("jaccard").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(evidence.get("problemId").asText()).isEqualTo("running-median");
        assertThat(detail.get("submissions").findValuesAsText("source")).containsExactly(aliceSource, bobSource);
        assertThat(detail.get("submissions").findValuesAsText("playerId")).containsExactly("fp-alice", "fp-bob");

        JsonNode speed = get("/api/admin/fair-play/flags/" + get("/api/admin/fair-play/flags?kind=BOT_SPEED").get("items").get(0)
                .get("flagId").asText()).get("evidence");
        assertThat(speed.get("secondsAfterReveal").asDouble()).isEqualTo(30.0);
        assertThat(speed.get("bytesPerSecond").asDouble()).isGreaterThan(8.0);
        JsonNode regular = get("/api/admin/fair-play/flags/" + get("/api/admin/fair-play/flags?kind=BOT_REGULARITY").get("items").get(0)
                .get("flagId").asText()).get("evidence");
        assertThat(regular.get("coefficientOfVariation").asDouble()).isLessThan(0.05);
        assertThat(regular.get("submissions").findValuesAsText("matchId")).containsExactlyInAnyOrder(
                "fp-ef0", "fp-ef1", "fp-ef2", "fp-ef3", "fp-ef4", "fp-ef5");
    }

    @Test
    @Order(4)
    void badRequestsGetTypedErrorsAndNonAdminsAreRefused() {
        web.get().uri("/api/admin/fair-play/flags").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        web.get().uri("/api/admin/fair-play/flags").header(ADMIN, "Bearer wrong").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/admin/fair-play/flags").header(ADMIN, "Bearer " + QueryTestSupport.accessToken("fp-player", "PLAYER"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("ADMIN_ONLY");
        web.post().uri("/api/admin/fair-play/flags/x/review").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"decision\":\"DISMISSED\"}").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/admin/fair-play/flags?kind=CHEATING").header(ADMIN, TOKEN).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        web.get().uri("/api/admin/fair-play/flags?size=0").header(ADMIN, TOKEN).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        web.get().uri("/api/admin/fair-play/flags/fp-nothing").header(ADMIN, TOKEN).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("FAIR_PLAY_FLAG_NOT_FOUND");
        web.post().uri("/api/admin/fair-play/flags/fp-nothing/review").header(ADMIN, TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"decision\":\"DISMISSED\"}").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("FAIR_PLAY_FLAG_NOT_FOUND");
        String id = get("/api/admin/fair-play/flags?kind=COLLUSION").get("items").get(0).get("flagId").asText();
        web.post().uri("/api/admin/fair-play/flags/" + id + "/review").header(ADMIN, TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"decision\":\"MAYBE\"}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        web.post().uri("/api/admin/fair-play/flags/" + id + "/review").header(ADMIN, TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"no decision\"}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        web.post().uri("/api/admin/fair-play/flags/" + id + "/review").header(ADMIN, TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "CONFIRMED", "note", "x".repeat(2001))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        assertThat(get("/api/admin/fair-play/flags?status=OPEN").get("total").asLong()).as("refused reviews change nothing").isEqualTo(4);
        String openApi = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(openApi).contains("/api/admin/fair-play/flags", "/api/admin/fair-play/flags/{flagId}/review", "FairPlayFlagDetail");
    }

    @Test
    @Order(5)
    void aReviewIsRecordedAndSurvivesARebuild() {
        String plagiarism = get("/api/admin/fair-play/flags?kind=PLAGIARISM").get("items").get(0).get("flagId").asText();
        String speed = get("/api/admin/fair-play/flags?kind=BOT_SPEED").get("items").get(0).get("flagId").asText();
        JsonNode confirmed = post("/api/admin/fair-play/flags/" + plagiarism + "/review",
                Map.of("decision", "CONFIRMED", "note", "same structure, renamed; pasted 30 s in"));
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("reviewer").asText()).as("the admin's handle from the access token").isEqualTo("fp-admin");
        post("/api/admin/fair-play/flags/" + speed + "/review", Map.of("decision", "DISMISSED", "note", "first look"));
        post("/api/admin/fair-play/flags/" + speed + "/review", Map.of("decision", "CONFIRMED", "note", "it was the paste"));
        assertThat(get("/api/admin/fair-play/flags?status=CONFIRMED").get("total").asLong()).isEqualTo(2);
        assertThat(get("/api/admin/fair-play/flags?status=OPEN").get("total").asLong()).isEqualTo(2);
        assertThat(get("/api/admin/fair-play/flags/" + speed).get("reviews").findValuesAsText("decision"))
                .containsExactly("DISMISSED", "CONFIRMED");

        Map<String, List<Map<String, Object>>> before = dump();
        web.post().uri("/api/admin/read-models/fair-play/rebuild").header(ADMIN, TOKEN).exchange().expectStatus().isAccepted();
        awaitTrue("fair-play rebuild done", Duration.ofSeconds(60),
                () -> get("/api/admin/read-models/fair-play").get("state").asText().equals("DONE"));
        awaitCaughtUp(context, Duration.ofSeconds(30));
        Map<String, List<Map<String, Object>>> after = dump();
        before.forEach((table, rows) -> assertThat(after.get(table)).as(table).isNotEmpty().containsExactlyElementsOf(rows));

        JsonNode again = get("/api/admin/fair-play/flags/" + plagiarism).get("flag");
        assertThat(again.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(again.get("note").asText()).isEqualTo("same structure, renamed; pasted 30 s in");
        assertThat(get("/api/admin/fair-play/flags?status=CONFIRMED").get("total").asLong()).isEqualTo(2);
    }

    // --- scenario helpers ---------------------------------------------------------------------

    private static void match(String id, Instant startedAt, String a, String b, String problem) {
        MatchId matchId = MatchId.of(id);
        List<MatchPlayer> roster = List.of(a, b).stream()
                .map(h -> new MatchPlayer(players.get(h), h, Ratings.INITIAL_RATING, 0, Ratings.INITIAL_RATING, 0)).toList();
        MatchProblem matchProblem = new MatchProblem(ProblemId.of(problem), 1, problem, 2, 100,
                new JudgeSpec(problem + "/1/tests", CheckerSpec.TOKENS, 1000, 256), null);
        emit("Match", id, new MatchCreated(matchId, MatchMode.BLITZ, MatchSettings.defaults(MatchMode.BLITZ), roster,
                List.of(matchProblem), startedAt.minusSeconds(10), startedAt));
        emit("Match", id, new MatchStarted(matchId, MatchPhase.RUNNING, startedAt, startedAt.plusSeconds(1800)));
    }

    private static void submit(String match, String player, String problem, Language language, String source, Instant at, Verdict verdict) {
        MatchId matchId = MatchId.of(match);
        SubmissionId sid = SubmissionId.of(match + "-" + player);
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        emit("Match", match, new SubmissionReceived(matchId, sid, players.get(player), ProblemId.of(problem), 1, SubmissionKind.SOLUTION,
                language, source, bytes, new JudgeSpec(problem + "/1/tests", CheckerSpec.TOKENS, 1000, 256), at));
        emit("Match", match, new SubmissionJudged(matchId, sid, players.get(player), ProblemId.of(problem), verdict,
                verdict == Verdict.AC ? 10 : 4, 10, null, bytes, at.plusSeconds(3)));
    }

    private static void end(String match, String winner, String loser, boolean forfeit, Instant at) {
        MatchId matchId = MatchId.of(match);
        List<Standing> standings = List.of(new Standing(players.get(winner), 1, 100, at, false),
                new Standing(players.get(loser), 2, 0, null, forfeit));
        List<MatchPlayer> roster = List.of(winner, loser).stream()
                .map(h -> new MatchPlayer(players.get(h), h, Ratings.INITIAL_RATING, 0, Ratings.INITIAL_RATING, 0)).toList();
        emit("Match", match, new MatchEnded(matchId, MatchMode.BLITZ, forfeit ? EndReason.FORFEIT : EndReason.TIME_UP, standings,
                EloRatings.compute(MatchMode.BLITZ, roster, Map.of(players.get(winner), 1, players.get(loser), 2)), at));
    }

    private static void emit(String type, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        Instant at = T0;
        if (payload instanceof SubmissionReceived r) {
            at = r.receivedAt();
        } else if (payload instanceof SubmissionJudged j) {
            at = j.judgedAt();
        } else if (payload instanceof MatchStarted st) {
            at = st.startedAt();
        } else if (payload instanceof MatchCreated c) {
            at = c.createdAt();
        } else if (payload instanceof MatchEnded e) {
            at = e.endedAt();
        } else if (payload instanceof PlayerForfeited f) {
            at = f.forfeitedAt();
        } else if (payload instanceof PlayerRegistered r) {
            at = r.registeredAt();
        } else if (payload instanceof ProblemVersionPublished p) {
            at = p.publishedAt();
        }
        events.add(new StoredEvent(type, aggregateId, sequence, payload, at));
    }

    private static Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : FAIR_PLAY_TABLES) {
            out.put(table, jdbc.queryForList("SELECT * FROM " + table).stream()
                    .map(row -> row.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))))
                    .map(m -> (Map<String, Object>) new LinkedHashMap<String, Object>(m)).toList());
        }
        return out;
    }

    private static JsonNode get(String uri) {
        byte[] body = web.get().uri(uri).header(ADMIN, TOKEN).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode post(String uri, Object body) {
        byte[] response = web.post().uri(uri).header(ADMIN, TOKEN).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return JSON.readTree(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String path) throws IOException {
        return Files.readString(PROBLEMS.resolve(path));
    }
}
