package dev.codearena.command.clan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codearena.api.clan.ClanId;
import dev.codearena.api.clan.CreateClanCommand;
import dev.codearena.api.clan.InviteToClanCommand;
import dev.codearena.api.clan.JoinClanCommand;
import dev.codearena.api.player.PlayerId;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The clan routes against real PostgreSQL and Redis: founding, inviting, joining, roles, kicking and
 * disbanding through HTTP; the one-clan-per-player rule refusing with {@code ALREADY_IN_CLAN}, also
 * when two joins of one player race each other on the command bus.
 */
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codearena.gateway.rsocket-tcp-port=-1", "codearena.matchmaking.enabled=false",
                "codearena.problems.load-on-start=false", "codearena.data-dir=target/test-data/clan-it"})
@DirtiesContext
class ClanRoutesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void clanLifeCycleThroughTheRoutes() {
        User leader = register("lead");
        User member = register("memb");
        User rival = register("rival");

        String clanId = createClan(leader, "Segfault Squad", "seg").getResponseBody().path("clanId").asText();
        assertThat(me(leader).path("role").asText()).isEqualTo("LEADER");
        assertThat(me(leader).path("tag").asText()).isEqualTo("SEG");

        // joining needs an invitation; the invitee sees it on /api/me/clan
        assertThat(call(member, HttpMethod.POST, "/api/clans/" + clanId + "/join", null).getResponseBody().path("code").asText())
                .isEqualTo("NOT_INVITED");
        assertThat(call(leader, HttpMethod.POST, "/api/clans/" + clanId + "/invitations", Map.of("handle", member.handle.toUpperCase()))
                .getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me(member).path("invitations").get(0).path("name").asText()).isEqualTo("Segfault Squad");
        assertThat(call(member, HttpMethod.POST, "/api/clans/" + clanId + "/join", null).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me(member).path("clanId").asText()).isEqualTo(clanId);
        assertThat(me(member).path("invitations")).isEmpty();

        // one clan per player: neither founding nor joining another
        EntityExchangeResult<JsonNode> second = createClan(member, "Second Home", "TWO");
        assertThat(second.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getResponseBody().path("code").asText()).isEqualTo("ALREADY_IN_CLAN");
        String rivalClan = createClan(rival, "Null Pointers", "NPE").getResponseBody().path("clanId").asText();
        call(rival, HttpMethod.POST, "/api/clans/" + rivalClan + "/invitations", Map.of("handle", member.handle));
        EntityExchangeResult<JsonNode> joinOther = call(member, HttpMethod.POST, "/api/clans/" + rivalClan + "/join", null);
        assertThat(joinOther.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(joinOther.getResponseBody().path("code").asText()).isEqualTo("ALREADY_IN_CLAN");
        assertThat(storedEvents(rivalClan)).noneMatch(type -> type.endsWith("PlayerJoinedClan"));

        // roles: only the leader promotes; an officer cannot kick another officer
        assertThat(call(member, HttpMethod.PUT, "/api/clans/" + clanId + "/members/" + leader.playerId + "/role", Map.of("role", "MEMBER"))
                .getResponseBody().path("code").asText()).isEqualTo("CLAN_PERMISSION_DENIED");
        assertThat(call(leader, HttpMethod.PUT, "/api/clans/" + clanId + "/members/" + member.playerId + "/role", Map.of("role", "OFFICER"))
                .getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me(member).path("role").asText()).isEqualTo("OFFICER");
        assertThat(call(leader, HttpMethod.PUT, "/api/clans/" + clanId + "/members/" + member.playerId + "/role", Map.of("role", "KING"))
                .getResponseBody().path("code").asText()).isEqualTo("VALIDATION_FAILED");

        // leaving frees the player for the other clan
        assertThat(call(member, HttpMethod.POST, "/api/clans/" + clanId + "/leave", null).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call(member, HttpMethod.POST, "/api/clans/" + rivalClan + "/join", null).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me(member).path("clanId").asText()).isEqualTo(rivalClan);

        // kick, then disband: everyone is clanless again
        assertThat(call(rival, HttpMethod.DELETE, "/api/clans/" + rivalClan + "/members/" + member.playerId, null).getStatus())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me(member).path("clanId").isNull()).isTrue();
        assertThat(call(leader, HttpMethod.DELETE, "/api/clans/" + clanId, null).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me(leader).path("clanId").isNull()).isTrue();
        assertThat(createClan(leader, "Phoenix", "PHX").getStatus()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void badRequestsGetTypedErrors() {
        User someone = register("some");
        assertThat(client().post().uri("/api/clans").bodyValue(Map.of("name", "No Token", "tag", "NT")).exchange()
                .expectStatus().isUnauthorized().expectBody(JsonNode.class).returnResult().getResponseBody().path("code").asText())
                .isEqualTo("UNAUTHENTICATED");
        EntityExchangeResult<JsonNode> badTag = createClan(someone, "Good Name", "no!");
        assertThat(badTag.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTag.getResponseBody().path("message").asText()).contains("tag");
        EntityExchangeResult<JsonNode> missing = call(someone, HttpMethod.POST, "/api/clans/" + UUID.randomUUID() + "/join", null);
        assertThat(missing.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getResponseBody().path("code").asText()).isEqualTo("CLAN_NOT_FOUND");
        EntityExchangeResult<JsonNode> nobody = call(someone, HttpMethod.POST, "/api/clans/" + UUID.randomUUID() + "/invitations",
                Map.of("handle", "nobody_" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(nobody.getResponseBody().path("code").asText()).isEqualTo("PLAYER_NOT_FOUND");
    }

    /** Two joins of one player into two clans at the same moment: the primary key lets exactly one through. */
    @Test
    void racingJoinsIntoTwoClansLeaveThePlayerInExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                PlayerId player = PlayerId.of("racer-" + UUID.randomUUID());
                List<ClanId> clans = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    ClanId clan = ClanId.of("race-" + UUID.randomUUID());
                    PlayerId founder = PlayerId.of("founder-" + UUID.randomUUID());
                    commands.sendAndWait(new CreateClanCommand(clan, "Race Clan " + i, "RC" + i, founder));
                    commands.sendAndWait(new InviteToClanCommand(clan, founder, player));
                    clans.add(clan);
                }
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Boolean>> joins = clans.stream().map(clan -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        commands.sendAndWait(new JoinClanCommand(clan, player));
                        return true;
                    } catch (Exception e) {
                        return false;
                    }
                }, pool)).toList();
                start.countDown();
                long succeeded = joins.stream().map(CompletableFuture::join).filter(ok -> ok).count();
                assertThat(succeeded).as("joins that succeeded in round " + round).isEqualTo(1);
                long joinedEvents = clans.stream().flatMap(clan -> storedEvents(clan.value()).stream())
                        .filter(type -> type.endsWith("PlayerJoinedClan")).count();
                assertThat(joinedEvents).as("stored PlayerJoinedClan events").isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM clan_membership WHERE player_id = ?", Integer.class, player.value()))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> storedEvents(String aggregateId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, aggregateId);
    }

    private record User(String handle, String token, String playerId) {
    }

    private User register(String prefix) {
        String handle = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode body = client().post().uri("/api/auth/register")
                .bodyValue(Map.of("handle", handle, "email", handle + "@example.org", "password", "correct horse battery",
                        "playerClass", "HACKER"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return new User(handle, body.path("accessToken").asText(), body.path("player").path("playerId").asText());
    }

    private EntityExchangeResult<JsonNode> createClan(User user, String name, String tag) {
        return call(user, HttpMethod.POST, "/api/clans", Map.of("name", name, "tag", tag));
    }

    private JsonNode me(User user) {
        EntityExchangeResult<JsonNode> result = call(user, HttpMethod.GET, "/api/me/clan", null);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        return result.getResponseBody();
    }

    private EntityExchangeResult<JsonNode> call(User user, HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request = client().method(method).uri(path).header("Authorization", "Bearer " + user.token);
        return (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectBody(JsonNode.class).returnResult();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
