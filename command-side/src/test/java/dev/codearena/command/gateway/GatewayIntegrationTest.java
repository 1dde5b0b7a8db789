package dev.codearena.command.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeProgress;
import dev.codearena.api.judge.TestResult;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.player.RegisterPlayerCommand;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.command.it.ResultInjector;
import dev.codearena.command.it.ResultInjectorVerdicts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import dev.codearena.command.auth.Role;
import dev.codearena.command.chat.ChatService;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * The gateway over real WebSocket and RSocket connections, against real PostgreSQL and Redis: the
 * handshake, every kind of refusal, rate limits held in Redis, room authorisation, the relay of the
 * query side's live stream, ticks, per-test verdicts, chat rooms, and two instances sharing rooms.
 * The live view and its change messages are written to Redis here the way the query side writes them.
 */
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                GatewayIntegrationTest.SECRET_PROPERTY,
                "codearena.gateway.rsocket-tcp-port=0",
                "codearena.matchmaking.enabled=false",
                "codearena.data-dir=target/test-data/gateway-it",
                "codearena.chat.history-size=5",
                "codearena.chat.history-refill=PT1H" // no refill in the middle of a test counting store queries
        })
// Closed after the class: a cached context would keep consuming the shared Redis judge streams
// (jobs and results) against its own database while later test classes run.
@DirtiesContext
class GatewayIntegrationTest {

    static final String SECRET_PROPERTY = "codearena.auth.jwt-secret=Q29kZUFyZW5hIGdhdGV3YXkgdGVzdCBzZWNyZXQgMjU2IGJpdHMhIQ==";

    @LocalServerPort
    int port;
    @Autowired
    AccessTokens tokens;
    @Autowired
    MatchRosters rosters;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    RSocketTcpServer tcpServer;
    @Autowired
    CommandGateway commands;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate stringRedis;
    /** The real chat store, watched: chat history must not query it per connection. */
    @MockitoSpyBean
    ChatService chat;

    @Test
    void aHandshakeWithoutAValidTokenIsRefused() {
        assertThat(GatewayTestClient.refusal(port, "", new HttpHeaders())).isNotNull().hasMessageContaining("401");
        assertThat(GatewayTestClient.refusal(port, "?access_token=not.a.jwt", new HttpHeaders())).isNotNull().hasMessageContaining("401");
        String forged = new AccessTokens(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"), Duration.ofMinutes(5),
                Clock.systemUTC()).issue(player("mallory", false));
        assertThat(GatewayTestClient.refusal(port, "?access_token=" + forged, new HttpHeaders())).isNotNull().hasMessageContaining("401");
        String expired = new AccessTokens(keyOf(tokens), Duration.ofMinutes(15),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC)).issue(player("late", false));
        assertThat(GatewayTestClient.refusal(port, "?access_token=" + expired, new HttpHeaders())).isNotNull().hasMessageContaining("401");

        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth(tokens.issue(player("bearer", false)));
        assertThat(GatewayTestClient.refusal(port, "", bearer)).isNull();

        // what a browser does: new WebSocket(url, ["codearena.jwt", token]); the server must select codearena.jwt
        String browserToken = tokens.issue(player("browser", false));
        String[] selected = new String[1];
        String first = new org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient()
                .execute(URI.create("ws://localhost:" + port + "/ws"), new org.springframework.web.reactive.socket.WebSocketHandler() {
                    @Override
                    public List<String> getSubProtocols() {
                        return List.of("codearena.jwt", browserToken);
                    }

                    @Override
                    public reactor.core.publisher.Mono<Void> handle(org.springframework.web.reactive.socket.WebSocketSession session) {
                        selected[0] = session.getHandshakeInfo().getSubProtocol();
                        return session.receive().next().map(org.springframework.web.reactive.socket.WebSocketMessage::getPayloadAsText)
                                .doOnNext(text -> selected[0] += " " + text).then(session.close());
                    }
                }).then(reactor.core.publisher.Mono.fromSupplier(() -> selected[0])).block(Duration.ofSeconds(15));
        assertThat(first).startsWith("codearena.jwt ").contains("\"type\":\"session:welcome\"").contains("\"handle\":\"browser\"");
        HttpHeaders forgedSubprotocol = new HttpHeaders();
        forgedSubprotocol.add("Sec-WebSocket-Protocol", "codearena.jwt, " + forged);
        assertThat(GatewayTestClient.refusal(port, "", forgedSubprotocol)).isNotNull().hasMessageContaining("401");
        HttpHeaders noToken = new HttpHeaders();
        noToken.add("Sec-WebSocket-Protocol", "codearena.jwt");
        assertThat(GatewayTestClient.refusal(port, "", noToken)).isNotNull().hasMessageContaining("401");
    }

    @Test
    void everyBadMessageGetsATypedErrorAndTheConnectionCarriesOn() {
        AuthenticatedPlayer alice = player("alice", false);
        String matchId = newMatch(List.of(alice));
        try (GatewayTestClient ws = GatewayTestClient.connect(port, tokens.issue(alice))) {
            ws.send("{not json");
            assertError(ws.await("error"), "MALFORMED_MESSAGE");
            ws.send("[1,2,3]");
            assertError(ws.await("error"), "MALFORMED_MESSAGE");
            ws.send("unknown:thing", "u1", Map.of());
            assertError(ws.reply("u1"), "UNKNOWN_MESSAGE_TYPE");
            ws.send("spectate:join", "v1", Map.of());
            assertThat(assertError(ws.reply("v1"), "VALIDATION_FAILED").path("message").asText()).contains("matchId");
            ws.send("spectate:join", "v2", Map.of("matchId", ""));
            assertError(ws.reply("v2"), "VALIDATION_FAILED");
            ws.send("lobby:queue", "v3", Map.of("mode", "CHESS"));
            assertError(ws.reply("v3"), "VALIDATION_FAILED");
            ws.send("x".repeat(200 * 1024));
            assertError(ws.await("error"), "MESSAGE_TOO_LARGE");
            ws.send("match:submit", "s1", Map.of("matchId", matchId, "problemId", "p1", "language", "python3",
                    "code", "#".repeat(64 * 1024 + 1)));
            assertError(ws.reply("s1"), "SOURCE_TOO_LARGE");

            seedView(matchId, Instant.now().plusSeconds(30));
            ws.send("spectate:list", "ok", Map.of());
            JsonNode live = ws.reply("ok");
            assertThat(live.path("type").asText()).isEqualTo("spectate:live");
            assertThat(live.path("payload").path("matchIds").toString()).contains(matchId);
        }
    }

    @Test
    void roomsAreAuthorised() {
        AuthenticatedPlayer alice = player("alice", false);
        AuthenticatedPlayer eve = player("eve", false);
        String matchId = newMatch(List.of(alice, player("bob", false)));
        seedView(matchId, Instant.now().plusSeconds(60));
        try (GatewayTestClient a = GatewayTestClient.connect(port, tokens.issue(alice)); GatewayTestClient e = GatewayTestClient.connect(port, tokens.issue(eve))) {
            e.send("match:join", "j", Map.of("matchId", matchId));
            assertError(e.reply("j"), "NOT_IN_MATCH");
            e.send("match:submit", "s", Map.of("matchId", matchId, "problemId", "p1", "language", "python3", "code", "print(1)"));
            assertError(e.reply("s"), "NOT_IN_MATCH");
            e.send("spectate:join", "w", Map.of("matchId", matchId));
            assertThat(e.reply("w").path("type").asText()).isEqualTo("match:state");
            e.send("chat:send", "c", Map.of("channel", "MATCH", "matchId", matchId, "text", "hi players"));
            assertError(e.reply("c"), "NOT_IN_MATCH");
            e.send("chat:remove", "r", Map.of("messageId", "whatever"));
            assertError(e.reply("r"), "FORBIDDEN");

            a.send("spectate:join", "own", Map.of("matchId", matchId));
            assertError(a.reply("own"), "FORBIDDEN");
            a.send("chat:send", "sc", Map.of("channel", "SPECTATORS", "matchId", matchId, "text", "psst"));
            assertError(a.reply("sc"), "FORBIDDEN");
        }
    }

    @Test
    void rateLimitsHoldInRedis() {
        AuthenticatedPlayer flooder = player("flooder", false);
        try (GatewayTestClient ws = GatewayTestClient.connect(port, tokens.issue(flooder))) {
            for (int i = 0; i < 10; i++) {
                ws.send("chat:send", "c" + i, Map.of("channel", "GLOBAL", "text", "spam " + i));
                assertThat(ws.reply("c" + i).path("type").asText()).isEqualTo("ack");
            }
            ws.send("chat:send", "c10", Map.of("channel", "GLOBAL", "text", "one too many"));
            JsonNode limited = assertError(ws.reply("c10"), "RATE_LIMITED");
            assertThat(limited.path("retryAfterMs").asLong()).isBetween(1L, 10_000L);

            ws.send("match:submit", "s1", Map.of("matchId", "m-none", "problemId", "p", "language", "python3", "code", "x"));
            assertThat(ws.reply("s1").path("payload").path("code").asText()).isNotEqualTo("RATE_LIMITED");
            ws.send("match:submit", "s2", Map.of("matchId", "m-none", "problemId", "p", "language", "python3", "code", "x"));
            assertError(ws.reply("s2"), "RATE_LIMITED");
        }
        // a second connection of the same player shares the limit
        try (GatewayTestClient again = GatewayTestClient.connect(port, tokens.issue(flooder))) {
            again.send("chat:send", "c11", Map.of("channel", "GLOBAL", "text", "still flooding"));
            assertError(again.reply("c11"), "RATE_LIMITED");
        }
    }

    @Test
    void playersAndSpectatorsGetTheStateThenTheStreamAndTicks() {
        AuthenticatedPlayer alice = player("alice", false);
        AuthenticatedPlayer bob = player("bob", false);
        AuthenticatedPlayer sam = player("sam", false);
        String matchId = newMatch(List.of(alice, bob));
        String view = seedView(matchId, Instant.now().plusSeconds(90));
        try (GatewayTestClient a = GatewayTestClient.connect(port, tokens.issue(alice));
             GatewayTestClient b = GatewayTestClient.connect(port, tokens.issue(bob));
             GatewayTestClient s = GatewayTestClient.connect(port, tokens.issue(sam))) {
            a.send("match:join", "ja", Map.of("matchId", matchId));
            b.send("match:join", "jb", Map.of("matchId", matchId));
            s.send("spectate:join", "js", Map.of("matchId", matchId));
            for (var client : List.of(a, b, s)) {
                JsonNode state = client.await("match:state");
                assertThat(state.path("payload")).isEqualTo(json(view));
            }
            assertThat(redis.opsForValue().get(dev.codearena.api.live.LiveKeys.spectators(dev.codearena.api.match.MatchId.of(matchId)))
                    .block()).as("spectator counter").isEqualTo("1");

            String change = "{\"type\":\"match:lockout\",\"payload\":{\"matchId\":\"" + matchId + "\",\"problemId\":\"p1\",\"playerId\":\""
                    + alice.playerId().value() + "\",\"version\":7}}";
            redis.convertAndSend(Channels.liveMatch(matchId), change).block();
            for (var client : List.of(a, b, s)) {
                assertThat(client.await("match:lockout")).isEqualTo(json(change));
            }

            JsonNode tick = s.await("match:tick");
            assertThat(tick.path("payload").path("matchId").asText()).isEqualTo(matchId);
            assertThat(tick.path("payload").path("remainingMs").asLong()).isBetween(80_000L, 90_000L);
            a.await("match:tick");

            a.send("chat:send", "m1", Map.of("channel", "MATCH", "matchId", matchId, "text", "good luck"));
            assertThat(b.await("chat:message").path("payload").path("text").asText()).isEqualTo("good luck");
            s.send("chat:send", "m2", Map.of("channel", "SPECTATORS", "matchId", matchId, "text", "go bob"));
            assertThat(s.await("chat:message").path("payload").path("handle").asText()).isEqualTo("sam");

            List<JsonNode> spectatorSaw = s.drain(Duration.ofMillis(500));
            assertThat(spectatorSaw).noneMatch(n -> n.path("payload").path("text").asText().equals("good luck"));
            List<JsonNode> playerSaw = b.drain(Duration.ofMillis(200));
            assertThat(playerSaw).noneMatch(n -> n.path("payload").path("text").asText().equals("go bob"));
        }
    }

    @Test
    void perTestVerdictsGoOnlyToTheSubmitter() throws Exception {
        AuthenticatedPlayer alice = player("alice", false);
        AuthenticatedPlayer bob = player("bob", false);
        String matchId = newMatch(List.of(alice, bob));
        seedView(matchId, Instant.now().plusSeconds(60));
        try (GatewayTestClient a = GatewayTestClient.connect(port, tokens.issue(alice));
             GatewayTestClient b = GatewayTestClient.connect(port, tokens.issue(bob));
             GatewayTestClient s = GatewayTestClient.connect(port, tokens.issue(player("sam", false)))) {
            a.send("match:join", "ja", Map.of("matchId", matchId));
            b.send("match:join", "jb", Map.of("matchId", matchId));
            s.send("spectate:join", "js", Map.of("matchId", matchId));
            a.reply("ja");
            b.reply("jb");
            s.reply("js");
            JudgeProgress progress = new JudgeProgress("sub-1", matchId, alice.playerId().value(), 0, 3,
                    new TestResult("1", Verdict.AC, 5, 7, 1024, 0, null));
            redis.convertAndSend(JudgeChannels.PROGRESS, GatewayTestClient.JSON.writeValueAsString(progress)).block();
            JsonNode verdict = a.await("match:verdict");
            assertThat(verdict.path("payload").path("stage").asText()).isEqualTo("test");
            assertThat(verdict.path("payload").path("submissionId").asText()).isEqualTo("sub-1");
            assertThat(verdict.path("payload").path("testCount").asInt()).isEqualTo(3);
            assertThat(b.drain(Duration.ofMillis(500))).noneMatch(n -> n.path("type").asText().equals("match:verdict"));
            assertThat(s.drain(Duration.ofMillis(100))).noneMatch(n -> n.path("type").asText().equals("match:verdict"));
        }
    }

    @Test
    void rsocketOverWebSocketAndTcpSpeaksTheSameProtocol() {
        AuthenticatedPlayer rita = player("rita", false);
        String token = tokens.issue(rita);
        RSocketRequester overWs = RSocketRequester.builder().setupData(token).dataMimeType(MimeTypeUtils.APPLICATION_JSON)
                .rsocketStrategies(RSocketStrategies.create())
                .websocket(URI.create("ws://localhost:" + port + "/rsocket"));
        RSocketRequester overTcp = RSocketRequester.builder().setupData(token).dataMimeType(MimeTypeUtils.APPLICATION_JSON)
                .tcp("localhost", tcpServer.boundPort());
        for (RSocketRequester requester : List.of(overWs, overTcp)) {
            Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
            Flux<JsonNode> in = requester.route("gateway").data(Flux.concat(Flux.just(""), out.asFlux())).retrieveFlux(String.class).map(GatewayIntegrationTest::json);
            StepVerifier.create(in)
                    .assertNext(n -> assertThat(n.path("type").asText()).isEqualTo("session:welcome"))
                    .assertNext(n -> assertThat(n.path("type").asText()).isEqualTo("chat:history"))
                    .then(() -> out.tryEmitNext("{\"type\":\"nope\",\"id\":\"n\"}"))
                    .assertNext(n -> assertThat(n.path("payload").path("code").asText()).isEqualTo("UNKNOWN_MESSAGE_TYPE"))
                    .then(() -> out.tryEmitNext("{\"type\":\"spectate:list\",\"id\":\"l\"}"))
                    .assertNext(n -> assertThat(n.path("type").asText()).isEqualTo("spectate:live"))
                    .thenCancel()
                    .verify(Duration.ofSeconds(15));
            requester.dispose();
        }
        RSocketRequester refused = RSocketRequester.builder().setupData("bad-token").dataMimeType(MimeTypeUtils.APPLICATION_JSON)
                .tcp("localhost", tcpServer.boundPort());
        StepVerifier.create(refused.route("gateway").data(Flux.just("{}")).retrieveFlux(String.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("UNAUTHENTICATED"))
                .verify(Duration.ofSeconds(10));
        refused.dispose();
    }

    @Test
    void chatChannelsCarryMessagesAndRecentHistoryOnJoinAndAdminsRemoveMessages() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        AuthenticatedPlayer alice = player("alice", false);
        AuthenticatedPlayer bob = player("bob", false);
        AuthenticatedPlayer sam = player("sam", false);
        AuthenticatedPlayer root = player("root", true);
        String matchId = newMatch(List.of(alice, bob));
        seedView(matchId, Instant.now().plusSeconds(60));
        try (GatewayTestClient a = GatewayTestClient.connect(port, tokens.issue(alice));
             GatewayTestClient s = GatewayTestClient.connect(port, tokens.issue(sam));
             GatewayTestClient admin = GatewayTestClient.connect(port, tokens.issue(root))) {
            assertThat(a.await("chat:history").path("payload").path("channel").asText()).isEqualTo("GLOBAL");

            // global: everyone connected hears it; limits are typed errors
            List<String> said = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String text = "global " + run + " #" + i;
                GatewayTestClient speaker = i % 2 == 0 ? a : s;
                speaker.send("chat:send", "g" + i, Map.of("channel", "GLOBAL", "text", text));
                said.add(speaker.reply("g" + i).path("payload").path("detail").asText());
                assertThat(admin.await(n -> n.path("type").asText().equals("chat:message")
                        && n.path("payload").path("text").asText().equals(text), Duration.ofSeconds(10), text)
                        .path("payload").path("channel").asText()).isEqualTo("GLOBAL");
            }
            a.send("chat:send", "long", Map.of("channel", "GLOBAL", "text", "x".repeat(501)));
            assertThat(assertError(a.reply("long"), "VALIDATION_FAILED").path("message").asText()).contains("text");
            a.send("chat:send", "blank", Map.of("channel", "GLOBAL", "text", "\u0007  "));
            assertError(a.reply("blank"), "VALIDATION_FAILED");

            // a new connection gets the latest messages of the global channel, bounded, oldest first
            try (GatewayTestClient late = GatewayTestClient.connect(port, tokens.issue(player("late", false)))) {
                JsonNode history = late.await("chat:history").path("payload");
                assertThat(history.path("channel").asText()).isEqualTo("GLOBAL");
                assertThat(history.path("messages")).hasSize(5);
                assertThat(history.path("messages").findValuesAsText("text")).containsExactly(
                        "global " + run + " #2", "global " + run + " #3", "global " + run + " #4", "global " + run + " #5",
                        "global " + run + " #6");
                assertThat(history.path("messages").findValuesAsText("messageId")).containsExactlyElementsOf(said.subList(2, 7));
            }

            // an admin removes a message: the room is told and it leaves the history
            admin.send("chat:remove", "rm", Map.of("messageId", said.get(6)));
            assertThat(admin.reply("rm").path("type").asText()).isEqualTo("ack");
            assertThat(s.await("chat:removed").path("payload").path("messageId").asText()).isEqualTo(said.get(6));
            admin.send("chat:remove", "rm2", Map.of("messageId", said.get(6)));
            assertError(admin.reply("rm2"), "CHAT_MESSAGE_NOT_FOUND");
            try (GatewayTestClient later = GatewayTestClient.connect(port, tokens.issue(player("later", false)))) {
                assertThat(later.await("chat:history").path("payload").path("messages").findValuesAsText("messageId"))
                        .hasSize(5).doesNotContain(said.get(6)).contains(said.get(5));
            }

            // the players' channel: what was said before bob joined comes with his match:state
            a.send("match:join", "ja", Map.of("matchId", matchId));
            assertThat(a.reply("ja").path("type").asText()).isEqualTo("match:state");
            assertThat(a.await("chat:history").path("payload").path("channel").asText()).isEqualTo("MATCH");
            a.send("chat:send", "m", Map.of("channel", "MATCH", "matchId", matchId, "text", "good luck " + run));
            assertThat(a.reply("m").path("type").asText()).isEqualTo("ack");
            try (GatewayTestClient b = GatewayTestClient.connect(port, tokens.issue(bob))) {
                b.send("match:join", "jb", Map.of("matchId", matchId));
                assertThat(b.reply("jb").path("type").asText()).isEqualTo("match:state");
                JsonNode matchHistory = b.await(n -> n.path("type").asText().equals("chat:history")
                        && n.path("payload").path("channel").asText().equals("MATCH"), Duration.ofSeconds(10), "match history").path("payload");
                assertThat(matchHistory.path("matchId").asText()).isEqualTo(matchId);
                assertThat(matchHistory.path("messages").findValuesAsText("text")).containsExactly("good luck " + run);
            }

            // the spectators' channel: its own history, never sent to the players
            s.send("spectate:join", "w", Map.of("matchId", matchId));
            assertThat(s.reply("w").path("type").asText()).isEqualTo("match:state");
            assertThat(s.await(n -> n.path("type").asText().equals("chat:history")
                    && n.path("payload").path("channel").asText().equals("SPECTATORS"), Duration.ofSeconds(10), "spectators' history")
                    .path("payload").path("messages")).isEmpty();
            s.send("chat:send", "sp", Map.of("channel", "SPECTATORS", "matchId", matchId, "text", "what a match " + run));
            assertThat(s.reply("sp").path("type").asText()).isEqualTo("ack");
            try (GatewayTestClient dave = GatewayTestClient.connect(port, tokens.issue(player("dave", false)))) {
                dave.send("spectate:join", "wd", Map.of("matchId", matchId));
                dave.reply("wd");
                assertThat(dave.await(n -> n.path("type").asText().equals("chat:history")
                        && n.path("payload").path("channel").asText().equals("SPECTATORS"), Duration.ofSeconds(10), "spectators' history")
                        .path("payload").path("messages").findValuesAsText("text")).containsExactly("what a match " + run);
            }
            assertThat(a.drain(Duration.ofSeconds(1))).noneMatch(n -> n.toString().contains("what a match " + run));
        }
    }

    @Test
    void twoInstancesShareRoomsThroughRedis() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommandSideApplication.class)
                .run("--server.port=0", "--" + SECRET_PROPERTY, "--codearena.gateway.rsocket-tcp-port=-1",
                        "--codearena.matchmaking.enabled=false", "--codearena.data-dir=target/test-data/gateway-it-2")) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            AuthenticatedPlayer alice = player("alice", false);
            AuthenticatedPlayer bob = player("bob", false);
            String matchId = newMatch(List.of(alice, bob));
            seedView(matchId, Instant.now().plusSeconds(60));
            try (GatewayTestClient a = GatewayTestClient.connect(port, tokens.issue(alice));
                 GatewayTestClient b = GatewayTestClient.connect(secondPort, tokens.issue(bob))) {
                a.send("match:join", "ja", Map.of("matchId", matchId));
                b.send("match:join", "jb", Map.of("matchId", matchId));
                a.reply("ja");
                b.reply("jb");
                String change = "{\"type\":\"match:verdict\",\"payload\":{\"matchId\":\"" + matchId + "\",\"verdict\":\"AC\"}}";
                redis.convertAndSend(Channels.liveMatch(matchId), change).block();
                assertThat(a.await("match:verdict")).isEqualTo(json(change));
                assertThat(b.await("match:verdict")).isEqualTo(json(change));

                a.send("chat:send", "hi", Map.of("channel", "MATCH", "matchId", matchId, "text", "across instances"));
                assertThat(b.await("chat:message").path("payload").path("text").asText()).isEqualTo("across instances");

                a.send("lobby:create", "lc", Map.of("mode", "BLITZ"));
                String code = a.reply("lc").path("payload").path("code").asText();
                b.send("lobby:join", "lj", Map.of("code", code));
                assertThat(b.reply("lj").path("payload").path("members")).hasSize(2);
                JsonNode update = a.await(n -> n.path("type").asText().equals("lobby:update")
                        && n.path("payload").path("members").size() == 2, Duration.ofSeconds(10), "lobby update");
                assertThat(update.path("payload").path("code").asText()).isEqualTo(code);
                b.send("lobby:start", "ls", Map.of("code", code));
                assertError(b.reply("ls"), "NOT_LOBBY_HOST");
            }
        }
    }

    /**
     * Chat history comes from a ring kept per room on each instance: filled from the store once, then
     * fed by the room's messages whichever instance they were said on, and by removals. New connections
     * and joins on this instance get the right history without a single store query.
     */
    @Test
    void chatHistoryIsKeptPerInstanceFromEveryInstancesMessagesWithoutAStoreQueryPerConnection() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommandSideApplication.class)
                .run("--server.port=0", "--" + SECRET_PROPERTY, "--codearena.gateway.rsocket-tcp-port=-1",
                        "--codearena.matchmaking.enabled=false", "--codearena.data-dir=target/test-data/gateway-it-3",
                        "--codearena.chat.history-size=5")) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            String run = UUID.randomUUID().toString().substring(0, 6);
            AuthenticatedPlayer alice = player("alice", false);
            AuthenticatedPlayer bob = player("bob", false);
            String matchId = newMatch(List.of(alice, bob));
            seedView(matchId, Instant.now().plusSeconds(60));
            try (GatewayTestClient a = GatewayTestClient.connect(port, tokens.issue(alice));
                 GatewayTestClient b = GatewayTestClient.connect(secondPort, tokens.issue(bob));
                 GatewayTestClient admin = GatewayTestClient.connect(secondPort, tokens.issue(player("root", true)))) {
                a.await("chat:history");
                b.await("chat:history");
                a.send("match:join", "ja", Map.of("matchId", matchId));
                a.reply("ja");
                a.await(n -> n.path("type").asText().equals("chat:history")
                        && n.path("payload").path("channel").asText().equals("MATCH"), Duration.ofSeconds(10), "match history");
                clearInvocations(chat); // every room this instance serves below is followed by now

                List<String> global = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) { // said alternately on this instance and on the other one
                    GatewayTestClient speaker = i % 2 == 0 ? a : b;
                    String text = "ring " + run + " #" + i;
                    speaker.send("chat:send", "g" + i, Map.of("channel", "GLOBAL", "text", text));
                    global.add(speaker.reply("g" + i).path("payload").path("detail").asText());
                    a.await(n -> n.path("type").asText().equals("chat:message")
                            && n.path("payload").path("text").asText().equals(text), Duration.ofSeconds(10), text);
                }
                b.send("match:join", "jb", Map.of("matchId", matchId));
                b.reply("jb");
                b.send("chat:send", "mb", Map.of("channel", "MATCH", "matchId", matchId, "text", "from the other instance " + run));
                b.reply("mb");
                a.await(n -> n.path("type").asText().equals("chat:message")
                        && n.path("payload").path("channel").asText().equals("MATCH"), Duration.ofSeconds(10), "bob's match message");

                for (int i = 0; i < 3; i++) { // a burst of connections: the history of each is right, the store is not asked
                    try (GatewayTestClient late = GatewayTestClient.connect(port, tokens.issue(player("late" + i, false)))) {
                        JsonNode history = late.await("chat:history").path("payload");
                        assertThat(history.path("messages").findValuesAsText("messageId")).endsWith(global.toArray(String[]::new));
                        assertThat(history.path("messages").findValuesAsText("text")).endsWith("ring " + run + " #3");
                    }
                }
                try (GatewayTestClient again = GatewayTestClient.connect(port, tokens.issue(alice))) {
                    again.send("match:join", "j2", Map.of("matchId", matchId));
                    again.reply("j2");
                    assertThat(again.await(n -> n.path("type").asText().equals("chat:history")
                            && n.path("payload").path("channel").asText().equals("MATCH"), Duration.ofSeconds(10), "match history")
                            .path("payload").path("messages").findValuesAsText("text")).containsExactly("from the other instance " + run);
                }

                // removed on the other instance: gone from this instance's history too
                admin.send("chat:remove", "rm", Map.of("messageId", global.get(2)));
                assertThat(admin.reply("rm").path("type").asText()).isEqualTo("ack");
                a.await(n -> n.path("type").asText().equals("chat:removed"), Duration.ofSeconds(10), "removal");
                try (GatewayTestClient later = GatewayTestClient.connect(port, tokens.issue(player("later", false)))) {
                    List<String> ids = later.await("chat:history").path("payload").path("messages").findValuesAsText("messageId");
                    assertThat(ids).doesNotContain(global.get(2)).endsWith(global.get(0), global.get(1), global.get(3));
                }
                verify(chat, never()).recent(any(), any(), anyInt());
            }
        }
    }

    /**
     * A real Sabotage match on the command bus: each player gets the reference through {@code match:code},
     * sabotages through {@code match:submit} with kind SABOTAGE_VALIDATION (over the edit budget refused at
     * once with the reason), and once both are accepted by the (injected) judge, {@code match:code} hands each
     * player the opponent's sabotage to repair; only players of the match may ask.
     */
    @Test
    void sabotagePlayersGetTheirOwnCodeThroughTheGateway() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AuthenticatedPlayer alice = player("alice", false);
        AuthenticatedPlayer bob = player("bob", false);
        for (AuthenticatedPlayer p : List.of(alice, bob)) {
            commands.sendAndWait(new RegisterPlayerCommand(p.playerId(), p.handle() + "_" + run, PlayerClass.SABOTEUR));
        }
        String reference = "n = int(input())\nprint(n * 2)\n";
        ProblemId problem = ProblemId.of("double-" + run);
        commands.sendAndWait(new ImportProblemCommand(problem, "h-" + run, new ProblemDefinition("Double it", 1, List.of(), 1000, 256,
                CheckerSpec.TOKENS, Set.of(MatchMode.values()), "", "double/v1/tests", 3, new ReferenceSolution(Language.PYTHON3, reference))));
        MatchId match = MatchId.of("sabotage-" + run);
        rosters.record(match.value(), List.of(alice.playerId().value(), bob.playerId().value()), System.currentTimeMillis()).block();
        try (ResultInjector judge = new ResultInjector(stringRedis, match.value(), ResultInjectorVerdicts::bySource);
             GatewayTestClient a = GatewayTestClient.connect(port, tokens.issue(alice));
             GatewayTestClient b = GatewayTestClient.connect(port, tokens.issue(bob));
             GatewayTestClient s = GatewayTestClient.connect(port, tokens.issue(player("sam", false)))) {
            commands.sendAndWait(new CreateMatchCommand(match, MatchMode.SABOTAGE,
                    MatchSettings.defaults(MatchMode.SABOTAGE).withStartDelaySeconds(0).withSubmitIntervalMs(0),
                    List.of(alice.playerId(), bob.playerId()), List.of(problem)));

            a.send("match:code", "c1", Map.of("matchId", match.value()));
            JsonNode phaseOne = a.reply("c1");
            assertThat(phaseOne.path("type").asText()).as("%s", phaseOne).isEqualTo("match:code");
            assertThat(phaseOne.path("payload").path("referenceSource").asText()).isEqualTo(reference);
            assertThat(phaseOne.path("payload").path("language").asText()).isEqualTo("python3");
            assertThat(phaseOne.path("payload").path("editBudgetLines").asInt()).isEqualTo(3);
            assertThat(phaseOne.path("payload").path("repairSource").isNull()).isTrue();
            s.send("match:code", "c2", Map.of("matchId", match.value()));
            assertError(s.reply("c2"), "NOT_IN_MATCH");

            Map<String, Object> overBudget = sabotage(match, problem, "import os\nn = 0\nm = 1\nprint(n)\nprint(m)\n");
            awaitStarted(match);
            a.send("match:submit", "s0", overBudget);
            assertThat(assertError(a.reply("s0"), "SABOTAGE_EDIT_BUDGET_EXCEEDED").path("message").asText()).isNotBlank();
            String aliceBug = "n = int(input())\nprint(n * 3)  # WRONG\n";
            String bobBug = "n = int(input())\nprint(n * 2 + 1)  # WRONG\n";
            Thread.sleep(2_100); // the gateway's rate limit: one match:submit per 2 s
            a.send("match:submit", "s1", sabotage(match, problem, aliceBug));
            assertThat(a.reply("s1").path("type").asText()).isEqualTo("match:submitted");
            b.send("match:submit", "s2", sabotage(match, problem, bobBug));
            assertThat(b.reply("s2").path("type").asText()).isEqualTo("match:submitted");

            JsonNode repair = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int i = 0; System.nanoTime() < deadline; i++) {
                a.send("match:code", "r" + i, Map.of("matchId", match.value()));
                repair = a.reply("r" + i).path("payload");
                if (!repair.path("repairSource").isNull()) {
                    break;
                }
                Thread.sleep(300);
            }
            assertThat(repair.path("repairSource").asText()).as("alice repairs bob's sabotage").isEqualTo(bobBug);
            assertThat(repair.path("saboteurId").asText()).isEqualTo(bob.playerId().value());
            b.send("match:code", "rb", Map.of("matchId", match.value()));
            assertThat(b.reply("rb").path("payload").path("repairSource").asText()).isEqualTo(aliceBug);
        }
    }

    /** The match starts by its deadline right after creation, on another thread. */
    private void awaitStarted(MatchId match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (eventStore.readEvents(match.value()).asStream()
                    .anyMatch(e -> e.getPayload() instanceof dev.codearena.api.match.MatchStarted)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(match + " did not start");
    }

    private static Map<String, Object> sabotage(MatchId match, ProblemId problem, String code) {
        return Map.of("matchId", match.value(), "problemId", problem.value(), "language", "python3", "code", code,
                "kind", "SABOTAGE_VALIDATION");
    }

    private String newMatch(List<AuthenticatedPlayer> players) {
        String matchId = "m-" + UUID.randomUUID();
        rosters.record(matchId, players.stream().map(p -> p.playerId().value()).toList(), System.currentTimeMillis()).block();
        return matchId;
    }

    /** Writes a live view the way the query side keeps it. */
    private String seedView(String matchId, Instant endsAt) {
        String view = "{\"matchId\":\"" + matchId + "\",\"mode\":\"BLITZ\",\"phase\":\"RUNNING\",\"round\":1,\"periodEndsAt\":\""
                + endsAt + "\",\"spectators\":0,\"version\":3,\"players\":[],\"problems\":[]}";
        redis.opsForZSet().add(dev.codearena.api.live.LiveKeys.LIVE_MATCHES, matchId, System.currentTimeMillis()).block();
        redis.opsForValue().set(Channels.liveMatch(matchId), view, Duration.ofMinutes(10)).block();
        return view;
    }

    static AuthenticatedPlayer player(String handle, boolean admin) {
        return new AuthenticatedPlayer(PlayerId.of(UUID.randomUUID().toString()), handle, PlayerClass.HACKER,
                admin ? Set.of(Role.PLAYER, Role.ADMIN) : Set.of(Role.PLAYER));
    }

    static JsonNode assertError(JsonNode frame, String code) {
        assertThat(frame.path("type").asText()).as("frame %s", frame).isEqualTo("error");
        assertThat(frame.path("payload").path("code").asText()).as("frame %s", frame).isEqualTo(code);
        assertThat(frame.path("payload").path("message").asText()).isNotBlank();
        return frame.path("payload");
    }

    static JsonNode json(String text) {
        try {
            return GatewayTestClient.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static javax.crypto.SecretKey keyOf(AccessTokens tokens) {
        return new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder()
                .decode(SECRET_PROPERTY.substring(SECRET_PROPERTY.indexOf('=') + 1)), "HmacSHA256");
    }
}
