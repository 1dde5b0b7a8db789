package dev.codearena.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.problem.ProblemVersionPublished;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import dev.codearena.problems.ProblemStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Admin problem authoring over HTTP against real PostgreSQL, Redis and the real problem store:
 * only admins; drafts validated; bad archives refused with typed errors; publishing records
 * versions 1, 2 with their own tests in the store (version 1's stay, for matches that pinned it);
 * a problem of the problem set taken over by admins is no longer re-imported from disk.
 */
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codearena.gateway.rsocket-tcp-port=-1", "codearena.matchmaking.enabled=false",
                "codearena.problems.load-on-start=false", "codearena.admin.handles=author_admin",
                "codearena.problems.max-test-archive-bytes=65536"})
@DirtiesContext
class ProblemAuthoringIntegrationTest {

    static final Path DATA = Path.of("target/test-data/authoring-it-" + UUID.randomUUID()).toAbsolutePath();
    static final Path PROBLEM_SET = DATA.resolve("problems");

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(PROBLEM_SET);
        copy(Path.of("../problems/clock-angle").toAbsolutePath().normalize(), PROBLEM_SET.resolve("clock-angle"));
        registry.add("codearena.data-dir", DATA::toString);
        registry.add("codearena.problems.dir", PROBLEM_SET::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    ProblemDrafts drafts;
    @Autowired
    ObjectMapper json;

    @Test
    void onlyAdminsAuthorProblems() {
        String player = register("plain_" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(call(player, HttpMethod.GET, "/api/admin/problems", null).getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(player, HttpMethod.POST, "/api/admin/problems", draft("sneaky", 1000)).getResponseBody().path("code").asText())
                .isEqualTo("ADMIN_ONLY");
        assertThat(client().get().uri("/api/admin/problems").exchange().expectBody(JsonNode.class).returnResult().getStatus())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(drafts.exists("sneaky")).isFalse();
    }

    @Test
    void draftTestsAndTwoPublishedVersions() throws Exception {
        String admin = admin();
        String slug = "sum-pair-" + UUID.randomUUID().toString().substring(0, 6);

        Map<String, Object> bad = draft(slug, 50);
        bad.put("checker", "fuzzy");
        EntityExchangeResult<JsonNode> invalid = call(admin, HttpMethod.POST, "/api/admin/problems", bad);
        assertThat(invalid.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getResponseBody().path("message").asText()).contains("checker").contains("timeLimitMs");

        assertThat(call(admin, HttpMethod.POST, "/api/admin/problems", draft(slug, 1000)).getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(call(admin, HttpMethod.POST, "/api/admin/problems", draft(slug, 1000)).getResponseBody().path("code").asText())
                .isEqualTo("PROBLEM_ALREADY_EXISTS");
        // publishing without tests is refused by the format's rules
        EntityExchangeResult<JsonNode> noTests = call(admin, HttpMethod.POST, "/api/admin/problems/" + slug + "/publish", null);
        assertThat(noTests.getResponseBody().path("code").asText()).isEqualTo("INVALID_PROBLEM");
        assertThat(noTests.getResponseBody().path("message").asText()).contains("MISSING_FILE");

        // bad archives: not a zip, an unpaired test, a path that climbs out, too large
        assertThat(upload(admin, slug, "plain text".getBytes(StandardCharsets.UTF_8)).getResponseBody().path("code").asText())
                .isEqualTo("INVALID_TEST_ARCHIVE");
        EntityExchangeResult<JsonNode> unpaired = upload(admin, slug, zip(Map.of("01.in", "1 2\n", "01.out", "3\n", "02.in", "5 5\n")));
        assertThat(unpaired.getResponseBody().path("code").asText()).isEqualTo("INVALID_TEST_ARCHIVE");
        assertThat(unpaired.getResponseBody().path("message").asText()).contains("02.in has no 02.out");
        assertThat(upload(admin, slug, zip(Map.of("../evil.in", "x", "../evil.out", "y"))).getResponseBody().path("message").asText())
                .contains("unexpected entry");
        EntityExchangeResult<JsonNode> huge = upload(admin, slug, zip(Map.of("big.in", random(80_000), "big.out", "0\n")));
        assertThat(huge.getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(huge.getResponseBody().path("code").asText()).isEqualTo("TEST_ARCHIVE_TOO_LARGE");
        assertThat(drafts.view(slug).tests()).isEmpty();

        EntityExchangeResult<JsonNode> uploaded = upload(admin, slug, zip(Map.of("tests/01-sample.in", "1 2\n", "tests/01-sample.out", "3\n",
                "tests/02.in", "40 2\n", "tests/02.out", "42\n")));
        assertThat(uploaded.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(uploaded.getResponseBody().path("tests").toString()).isEqualTo("[\"01-sample\",\"02\"]");

        JsonNode first = call(admin, HttpMethod.POST, "/api/admin/problems/" + slug + "/publish", null).getResponseBody();
        assertThat(first.path("version").asLong()).isEqualTo(1);
        assertThat(first.path("testCount").asInt()).isEqualTo(2);
        assertThat(call(admin, HttpMethod.POST, "/api/admin/problems/" + slug + "/publish", null).getResponseBody()
                .path("unchanged").asBoolean()).isTrue();

        // edit limits and statement, replace the tests, publish: version 2; version 1's tests stay in the store
        Map<String, Object> edited = draft(slug, 2500);
        edited.put("statementMarkdown", "# Sum pair\n\nNow with bigger numbers.\n");
        assertThat(call(admin, HttpMethod.PUT, "/api/admin/problems/" + slug, edited).getResponseBody().path("unpublishedChanges").asBoolean())
                .isTrue();
        upload(admin, slug, zip(Map.of("01.in", "1 2\n", "01.out", "3\n", "02.in", "1000000000 1000000000\n", "02.out", "2000000000\n",
                "03.in", "0 0\n", "03.out", "0\n")));
        JsonNode second = call(admin, HttpMethod.POST, "/api/admin/problems/" + slug + "/publish", null).getResponseBody();
        assertThat(second.path("version").asLong()).isEqualTo(2);
        assertThat(second.path("unchanged").asBoolean()).isFalse();

        List<ProblemVersionPublished> versions = published(slug);
        assertThat(versions).extracting(ProblemVersionPublished::version).containsExactly(1L, 2L);
        assertThat(versions.get(1).definition().timeLimitMs()).isEqualTo(2500);
        assertThat(versions.get(1).definition().statementMarkdown()).contains("bigger numbers");
        Path store = DATA.resolve("problem-store");
        assertThat(Files.readString(store.resolve(versions.get(0).definition().testsDir()).resolve("02.out"))).isEqualTo("42\n");
        assertThat(Files.readString(store.resolve(versions.get(1).definition().testsDir()).resolve("02.out"))).isEqualTo("2000000000\n");
        assertThat(versions.get(1).definition().testCount()).isEqualTo(3);

        JsonNode listed = call(admin, HttpMethod.GET, "/api/admin/problems", null).getResponseBody();
        assertThat(listed.findValuesAsText("publishedVersion")).contains("2");
    }

    @Test
    void adoptedProblemSetEntriesBelongToTheAdmins() {
        String admin = admin();
        ProblemStore store = new ProblemStore(DATA.resolve("problem-store"));
        new ProblemCatalogueLoader(commands, PROBLEM_SET, store, drafts::exists).load();
        assertThat(published("clock-angle")).hasSize(1);

        JsonNode adopted = call(admin, HttpMethod.POST, "/api/admin/problems/clock-angle/adopt", null).getResponseBody();
        assertThat(adopted.path("draft").path("title").asText()).isNotBlank();
        assertThat(adopted.path("draft").path("referencePython").asText()).isNotBlank();
        Map<String, Object> edited = json.convertValue(adopted.path("draft"), Map.class);
        edited.put("timeLimitMs", 3000);
        call(admin, HttpMethod.PUT, "/api/admin/problems/clock-angle", edited);
        assertThat(call(admin, HttpMethod.POST, "/api/admin/problems/clock-angle/publish", null).getResponseBody().path("version").asLong())
                .isEqualTo(2);

        // a restart's loader leaves the admins' version alone
        new ProblemCatalogueLoader(commands, PROBLEM_SET, store, drafts::exists).load();
        assertThat(published("clock-angle")).extracting(p -> p.definition().timeLimitMs()).containsExactly(
                published("clock-angle").get(0).definition().timeLimitMs(), 3000L);
        assertThat(call(admin, HttpMethod.POST, "/api/admin/problems/no-such-problem/adopt", null).getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<ProblemVersionPublished> published(String slug) {
        return jdbc.queryForList("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                byte[].class, slug).stream().map(bytes -> {
                    try {
                        return json.readValue(bytes, ProblemVersionPublished.class);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    static Map<String, Object> draft(String slug, long timeLimitMs) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("slug", slug);
        draft.put("title", "Sum Pair");
        draft.put("difficulty", 1);
        draft.put("tags", List.of("math"));
        draft.put("timeLimitMs", timeLimitMs);
        draft.put("memoryMb", 256);
        draft.put("checker", "tokens");
        draft.put("modes", List.of("BLITZ", "GOLF"));
        draft.put("statementMarkdown", "# Sum pair\n\nPrint a + b.\n");
        draft.put("referenceCpp", "#include <cstdio>\nint main(){long long a,b;scanf(\"%lld %lld\",&a,&b);printf(\"%lld\\n\",a+b);}\n");
        draft.put("referencePython", "a, b = map(int, input().split())\nprint(a + b)\n");
        return draft;
    }

    private String admin() {
        String token = login("author_admin");
        return token != null ? token : register("author_admin");
    }

    private String login(String handle) {
        EntityExchangeResult<JsonNode> result = client().post().uri("/api/auth/login")
                .bodyValue(Map.of("login", handle, "password", "correct horse battery")).exchange().expectBody(JsonNode.class).returnResult();
        return result.getStatus().is2xxSuccessful() ? result.getResponseBody().path("accessToken").asText() : null;
    }

    private String register(String handle) {
        return client().post().uri("/api/auth/register")
                .bodyValue(Map.of("handle", handle, "email", handle + "@example.org", "password", "correct horse battery",
                        "playerClass", "ARCHITECT"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("accessToken").asText();
    }

    private EntityExchangeResult<JsonNode> upload(String token, String slug, byte[] zip) {
        return client().put().uri("/api/admin/problems/" + slug + "/tests").header("Authorization", "Bearer " + token)
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(zip).exchange().expectBody(JsonNode.class).returnResult();
    }

    private EntityExchangeResult<JsonNode> call(String token, HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request = client().method(method).uri(path).header("Authorization", "Bearer " + token);
        return (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectBody(JsonNode.class).returnResult();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Incompressible text, so the archive itself exceeds the upload limit. */
    private static String random(int length) {
        java.util.Random random = new java.util.Random(7);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('!' + random.nextInt(90)));
        }
        return out.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
