package dev.codearena.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GitHub and Google sign-in through the whole authorization-code flow, against a local STAND-IN
 * provider ({@link StandInOAuthProvider}; the real ones are unreachable here) configured only through
 * the documented provider endpoint properties: redirect to the provider, callback, account found or
 * created by (provider, subject), the same refresh cookie as a password sign-in, redirect to the SPA,
 * which gets its access token from the refresh route. An e-mail a provider shows never reaches an
 * existing account.
 */
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codearena.gateway.rsocket-tcp-port=-1", "codearena.matchmaking.enabled=false",
                "codearena.data-dir=target/test-data/oauth-it", "codearena.auth.oauth2.success-url=/#/welcome"})
@DirtiesContext
class OAuthSignInIntegrationTest {

    static final StandInOAuthProvider PROVIDER = new StandInOAuthProvider();
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        for (String id : List.of("github", "google")) {
            String prefix = "spring.security.oauth2.client.";
            registry.add(prefix + "registration." + id + ".client-id", () -> StandInOAuthProvider.CLIENT_ID);
            registry.add(prefix + "registration." + id + ".client-secret", () -> StandInOAuthProvider.CLIENT_SECRET);
            registry.add(prefix + "provider." + id + ".authorization-uri", () -> PROVIDER.baseUrl() + "/authorize");
            registry.add(prefix + "provider." + id + ".token-uri", () -> PROVIDER.baseUrl() + "/token");
            registry.add(prefix + "provider." + id + ".user-info-uri", () -> PROVIDER.baseUrl() + "/userinfo");
        }
        // Google's default scope includes openid (an ID token signed with Google's keys); the stand-in
        // serves its user info over the plain OAuth2 user-info endpoint instead.
        registry.add("spring.security.oauth2.client.registration.google.scope", () -> "profile,email");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theSpaOffersTheConfiguredProviders() throws Exception {
        JsonNode providers = JSON.readTree(get(URI.create(base() + "/api/auth/providers"), Map.of()).body()).path("providers");
        assertThat(providers.findValuesAsText("id")).containsExactlyInAnyOrder("github", "google");
        assertThat(providers.findValuesAsText("signInPath")).contains("/oauth2/authorization/github", "/oauth2/authorization/google");
    }

    @Test
    void aGitHubUserSignsInCreatingAnAccountOnceThenTheSameOne() throws Exception {
        String login = "octo-" + UUID.randomUUID().toString().substring(0, 6);
        long githubId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        PROVIDER.signInNextAs(Map.of("id", githubId, "login", login, "name", "Octo Cat", "email", "octo@example.org"));
        String refresh = signIn("github");
        JsonNode session = refresh(refresh);
        AuthenticatedPlayer player = tokens.verify(session.path("accessToken").asText());
        assertThat(player.handle()).isEqualTo(login);
        assertThat(player.playerClass()).isEqualTo(PlayerClass.HACKER);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM gateway_account WHERE account_id = ?", String.class,
                player.playerId().value())).as("no password for a provider account").isNull();
        assertThat(jdbc.queryForObject("SELECT email FROM gateway_account WHERE account_id = ?", String.class,
                player.playerId().value())).as("GitHub's profile e-mail is not vouched for").endsWith(".invalid");
        assertThat(jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?", String.class,
                player.playerId().value())).singleElement().asString().endsWith("PlayerRegistered");

        // the player picks a class later
        JsonNode chosen = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/class"))
                .header("Authorization", "Bearer " + session.path("accessToken").asText()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"playerClass\":\"GOLFER\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(tokens.verify(chosen.path("accessToken").asText()).playerClass()).isEqualTo(PlayerClass.GOLFER);

        // the same GitHub user again (renamed there): the same account, nothing new created
        PROVIDER.signInNextAs(Map.of("id", githubId, "login", login + "-renamed"));
        AuthenticatedPlayer again = tokens.verify(refresh(signIn("github")).path("accessToken").asText());
        assertThat(again.playerId()).isEqualTo(player.playerId());
        assertThat(again.playerClass()).isEqualTo(PlayerClass.GOLFER);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_oauth_identity WHERE provider = 'github' AND subject = ?",
                Integer.class, String.valueOf(githubId))).isEqualTo(1);
        assertThat(PROVIDER.refusals()).isEmpty();
    }

    @Test
    void aProviderAccountShowingSomeoneElsesEmailDoesNotTakeOverTheirAccount() throws Exception {
        String victim = "victim_" + UUID.randomUUID().toString().substring(0, 6);
        String email = victim + "@example.org";
        WebTestClient.bindToServer().baseUrl(base()).build().post().uri("/api/auth/register")
                .bodyValue(Map.of("handle", victim, "email", email, "password", "correct horse battery", "playerClass", "ARCHITECT"))
                .exchange().expectStatus().isCreated();
        String victimId = jdbc.queryForObject("SELECT account_id FROM gateway_account WHERE handle = ?", String.class, victim);

        PROVIDER.signInNextAs(Map.of("sub", "g-" + UUID.randomUUID(), "email", email, "email_verified", true, "given_name", victim));
        AuthenticatedPlayer intruder = tokens.verify(refresh(signIn("google")).path("accessToken").asText());
        assertThat(intruder.playerId().value()).isNotEqualTo(victimId);
        assertThat(intruder.handle()).as("a free handle, not the victim's").isNotEqualToIgnoringCase(victim).startsWith(victim + "_");
        assertThat(jdbc.queryForObject("SELECT email FROM gateway_account WHERE account_id = ?", String.class,
                intruder.playerId().value())).isNotEqualToIgnoringCase(email);

        // a Google user whose verified address is free keeps it
        String fresh = "fresh_" + UUID.randomUUID().toString().substring(0, 6);
        PROVIDER.signInNextAs(Map.of("sub", "g-" + UUID.randomUUID(), "email", fresh + "@example.org", "email_verified", true,
                "given_name", fresh));
        AuthenticatedPlayer newcomer = tokens.verify(refresh(signIn("google")).path("accessToken").asText());
        assertThat(newcomer.handle()).isEqualTo(fresh);
        assertThat(jdbc.queryForObject("SELECT email FROM gateway_account WHERE account_id = ?", String.class,
                newcomer.playerId().value())).isEqualTo(fresh + "@example.org");
    }

    @Test
    void aFailedCallbackSendsTheBrowserBackWithoutACookie() throws Exception {
        HttpResponse<String> start = get(URI.create(base() + "/oauth2/authorization/github"), Map.of());
        Map<String, String> cookies = cookies(start, new LinkedHashMap<>());
        // the browser comes back with a code the provider never issued
        HttpResponse<String> callback = get(URI.create(base() + "/login/oauth2/code/github?code=forged&state="
                + query(URI.create(start.headers().firstValue("Location").orElseThrow()), "state")), cookies);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).contains("signInError=oauth");
        assertThat(cookies(callback, new LinkedHashMap<>())).doesNotContainKey(AuthProperties.REFRESH_COOKIE);
        assertThat(PROVIDER.refusals()).anyMatch(r -> r.contains("invalid_grant"));
        PROVIDER.refusals().clear();
    }

    /** The browser's part: start at the gateway, through the provider, back to the callback; returns the refresh cookie. */
    private String signIn(String provider) throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> start = get(URI.create(base() + "/oauth2/authorization/" + provider), cookies);
        assertThat(start.statusCode()).as("redirect to the provider").isEqualTo(302);
        cookies(start, cookies);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(PROVIDER.baseUrl() + "/authorize");

        HttpResponse<String> approved = get(authorize, Map.of());
        assertThat(approved.statusCode()).as("the provider's answer %s", approved.body()).isEqualTo(302);
        URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/" + provider);

        HttpResponse<String> done = get(callback, cookies);
        assertThat(done.statusCode()).as("callback answer %s", done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).isEqualTo("/#/welcome");
        String setCookie = done.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AuthProperties.REFRESH_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict", "Path=/api/auth", "Secure", "Max-Age=604800");
        return cookies(done, cookies).get(AuthProperties.REFRESH_COOKIE);
    }

    private JsonNode refresh(String refreshToken) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/refresh"))
                .header("Cookie", AuthProperties.REFRESH_COOKIE + "=" + refreshToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("refresh %s", response.body()).isEqualTo(HttpStatus.OK.value());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(URI uri, Map<String, String> cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> cookies(HttpResponse<?> response, Map<String, String> jar) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            jar.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return jar;
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
