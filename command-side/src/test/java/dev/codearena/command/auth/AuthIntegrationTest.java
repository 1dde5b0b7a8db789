package dev.codearena.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Accounts over HTTP against real PostgreSQL and Redis: registration creates the account and the
 * domain Player together; sign-in errors are the same whether or not the account exists; failed
 * sign-ins back off per account and address; refresh tokens rotate and a reused one revokes its family.
 */
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codearena.gateway.rsocket-tcp-port=-1", "codearena.matchmaking.enabled=false",
                "codearena.data-dir=target/test-data/auth-it", "codearena.admin.handles=root_admin"})
// Closed after the class: a cached context would keep consuming the shared Redis judge streams
// (jobs and results) against its own database while later test classes run.
@DirtiesContext
class AuthIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessTokens tokens;

    @Test
    void registrationCreatesTheAccountAndThePlayerAndHandsOutTokens() {
        String handle = handle("neo");
        EntityExchangeResult<JsonNode> registered = register(handle, handle + "@example.org", "correct horse battery");
        assertThat(registered.getStatus()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = registered.getResponseBody();
        AuthenticatedPlayer player = tokens.verify(body.path("accessToken").asText());
        assertThat(player.handle()).isEqualTo(handle);
        assertThat(player.roles()).containsExactly(Role.PLAYER);
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);

        ResponseCookie cookie = registered.getResponseCookies().getFirst(AuthProperties.REFRESH_COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getMaxAge().toDays()).isEqualTo(7);

        assertThat(jdbc.queryForObject("SELECT password_hash FROM gateway_account WHERE handle = ?", String.class, handle))
                .startsWith("$argon2id$");
        assertThat(jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?", String.class,
                player.playerId().value())).singleElement().asString().endsWith("PlayerRegistered");

        client().get().uri("/api/auth/me").header("Authorization", "Bearer " + body.path("accessToken").asText())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.handle").isEqualTo(handle);
    }

    @Test
    void takenHandlesOrEmailsAndBadInputGetTypedErrors() {
        String handle = handle("trin");
        register(handle, handle + "@example.org", "correct horse battery");
        EntityExchangeResult<JsonNode> sameHandle = register(handle.toUpperCase(), "other-" + handle + "@example.org", "correct horse battery");
        EntityExchangeResult<JsonNode> sameEmail = register(handle("x"), handle + "@EXAMPLE.org", "correct horse battery");
        assertThat(sameHandle.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sameHandle.getResponseBody().path("code").asText()).isEqualTo("REGISTRATION_REJECTED");
        assertThat(sameEmail.getResponseBody()).isEqualTo(sameHandle.getResponseBody());

        EntityExchangeResult<JsonNode> weak = register(handle("w"), "w@example.org", "short");
        assertThat(weak.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weak.getResponseBody().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(weak.getResponseBody().path("message").asText()).contains("password");
        assertThat(client().post().uri("/api/auth/register").header("Content-Type", "application/json").bodyValue("{oops")
                .exchange().expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void signInFailuresLeakNothingAndBackOff() {
        String handle = handle("morph");
        register(handle, handle + "@example.org", "correct horse battery");
        JsonNode wrongPassword = login(handle, "wrong password!!", "10.0.0.1").getResponseBody();
        JsonNode unknownUser = login(handle("ghost"), "wrong password!!", "10.0.0.1").getResponseBody();
        assertThat(wrongPassword.path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownUser).isEqualTo(wrongPassword);

        // five failures are free; from the sixth the pair is locked out for 1 s, 2 s, 4 s...
        int failures = 1;
        org.springframework.http.HttpStatusCode status = HttpStatus.UNAUTHORIZED;
        while (status.value() == 401 && failures < 12) {
            status = login(handle, "wrong password!!", "10.0.0.1").getStatus();
            failures++;
        }
        assertThat(status).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(failures).as("attempts until locked").isEqualTo(7);
        EntityExchangeResult<JsonNode> locked = login(handle, "correct horse battery", "10.0.0.1");
        assertThat(locked.getStatus()).as("even the right password while locked out").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(locked.getResponseBody().path("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        // the lock is per address: the owner elsewhere still signs in
        assertThat(login(handle, "correct horse battery", "10.0.0.2").getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(login(handle + "@example.org", "correct horse battery", "10.0.0.3").getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesTheFamily() {
        String handle = handle("smith");
        String first = register(handle, handle + "@example.org", "correct horse battery")
                .getResponseCookies().getFirst(AuthProperties.REFRESH_COOKIE).getValue();

        EntityExchangeResult<JsonNode> rotated = refresh(first);
        assertThat(rotated.getStatus()).isEqualTo(HttpStatus.OK);
        String second = rotated.getResponseCookies().getFirst(AuthProperties.REFRESH_COOKIE).getValue();
        assertThat(second).isNotEqualTo(first);
        assertThat(tokens.verify(rotated.getResponseBody().path("accessToken").asText()).handle()).isEqualTo(handle);

        // the first token is replayed (stolen): refused, and the legitimate successor dies with it
        EntityExchangeResult<JsonNode> replay = refresh(first);
        assertThat(replay.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(replay.getResponseBody().path("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(refresh(second).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);

        String fresh = login(handle, "correct horse battery", "10.1.1.1").getResponseCookies()
                .getFirst(AuthProperties.REFRESH_COOKIE).getValue();
        client().post().uri("/api/auth/logout").cookie(AuthProperties.REFRESH_COOKIE, fresh).exchange().expectStatus().isNoContent();
        assertThat(refresh(fresh).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refresh("made-up").getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void withoutConfiguredClientIdsNoProviderSignInIsOffered() {
        client().get().uri("/api/auth/providers").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.providers").isArray().jsonPath("$.providers.length()").isEqualTo(0);
        client().get().uri("/oauth2/authorization/github").exchange().expectStatus().isNotFound();
    }

    @Test
    void configuredAdminsGetTheAdminRole() {
        JsonNode body = register("root_admin", "root@example.org", "correct horse battery").getResponseBody();
        assertThat(tokens.verify(body.path("accessToken").asText()).roles()).containsExactlyInAnyOrder(Role.PLAYER, Role.ADMIN);
    }

    private EntityExchangeResult<JsonNode> register(String handle, String email, String password) {
        return client().post().uri("/api/auth/register")
                .bodyValue(Map.of("handle", handle, "email", email, "password", password, "playerClass", "HACKER"))
                .exchange().expectBody(JsonNode.class).returnResult();
    }

    private EntityExchangeResult<JsonNode> login(String login, String password, String address) {
        return client().post().uri("/api/auth/login").header("X-Real-IP", address)
                .bodyValue(Map.of("login", login, "password", password))
                .exchange().expectBody(JsonNode.class).returnResult();
    }

    private EntityExchangeResult<JsonNode> refresh(String token) {
        return client().post().uri("/api/auth/refresh").cookie(AuthProperties.REFRESH_COOKIE, token)
                .exchange().expectBody(JsonNode.class).returnResult();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    private static String handle(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

}
