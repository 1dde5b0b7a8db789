package dev.codearena.command.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.RegisterPlayerCommand;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.problem.RetireProblemCommand;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import dev.codearena.command.auth.Role;
import dev.codearena.command.gateway.GatewayTestClient;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Matchmaking with real Redis and the real engine: two players queue for Blitz over WebSocket, a
 * pass pairs them, the engine creates the match, both are told {@code lobby:found}, and the match's
 * players (only they) submit through the gateway. Concurrent passes never put a player in two groups.
 */
@EmbeddedInfrastructureTest
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codearena.gateway.rsocket-tcp-port=-1", "codearena.data-dir=target/test-data/mm-it",
                "codearena.matchmaking.pass-interval=500ms",
                "codearena.matchmaking.modes.BLITZ.problem-count=2",
                "codearena.matchmaking.modes.BLITZ.duration-seconds=60",
                "codearena.matchmaking.modes.BLITZ.start-delay-seconds=1"})
// Closed after the class: a cached context would keep consuming the shared Redis judge streams
// (jobs and results) against its own database while later test classes run.
@DirtiesContext
class MatchmakingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MatchQueue queue;
    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void twoQueuedPlayersAreMatchedAndOnlyTheyMaySubmit() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> problems = List.of("mm-easy-" + run, "mm-hard-" + run);
        commands.sendAndWait(new ImportProblemCommand(ProblemId.of(problems.get(1)), "h2", definition("Hard", 3)));
        commands.sendAndWait(new ImportProblemCommand(ProblemId.of(problems.get(0)), "h1", definition("Easy", 1)));
        awaitTrue(() -> jdbc.queryForObject("SELECT count(*) FROM gateway_problem WHERE problem_id IN (?, ?)", Integer.class,
                problems.get(0), problems.get(1)) == 2);
        // the draw must see only this test's two problems: other classes sharing the embedded database
        // (GatewayIntegrationTest imports its own difficulty-1 problem) would otherwise take their place
        jdbc.update("UPDATE gateway_problem SET retired = TRUE WHERE problem_id NOT IN (?, ?)", problems.get(0), problems.get(1));
        AuthenticatedPlayer alice = register("alice_" + run);
        AuthenticatedPlayer bob = register("bob_" + run);
        AuthenticatedPlayer eve = register("eve_" + run);

        try (GatewayTestClient a = GatewayTestClient.connect(port, tokens.issue(alice));
             GatewayTestClient b = GatewayTestClient.connect(port, tokens.issue(bob));
             GatewayTestClient e = GatewayTestClient.connect(port, tokens.issue(eve))) {
            a.send("lobby:queue", "qa", Map.of("mode", "BLITZ"));
            JsonNode queued = a.reply("qa");
            assertThat(queued.path("type").asText()).isEqualTo("lobby:queued");
            assertThat(queued.path("payload").path("rating").asInt()).isEqualTo(1500);
            a.send("lobby:queue", "again", Map.of("mode", "GOLF"));
            assertThat(a.reply("again").path("payload").path("code").asText()).isEqualTo("ALREADY_QUEUED");
            b.send("lobby:queue", "qb", Map.of("mode", "BLITZ"));
            b.reply("qb");

            JsonNode foundA = a.await("lobby:found");
            JsonNode foundB = b.await("lobby:found");
            String matchId = foundA.path("payload").path("matchId").asText();
            assertThat(foundB.path("payload").path("matchId").asText()).isEqualTo(matchId);
            assertThat(foundA.path("payload").path("players")).extracting(p -> p.path("handle").asText())
                    .containsExactlyInAnyOrder(alice.handle(), bob.handle());

            List<String> created = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%MatchCreated'", String.class, matchId);
            assertThat(created).singleElement().asString()
                    .contains(alice.playerId().value(), bob.playerId().value(), problems.get(0), problems.get(1))
                    .matches("(?s).*" + problems.get(0) + ".*" + problems.get(1) + ".*"); // rising difficulty
            awaitTrue(() -> jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND payloadtype LIKE '%MatchStarted'", Integer.class, matchId) == 1);

            Map<String, Object> submission = Map.of("matchId", matchId, "problemId", problems.get(0), "language", "python3",
                    "code", "print(int(input()) * 2)");
            a.send("match:submit", "s1", submission);
            JsonNode accepted = a.reply("s1");
            assertThat(accepted.path("type").asText()).as("%s", accepted).isEqualTo("match:submitted");
            assertThat(accepted.path("payload").path("submissionId").asText()).isNotBlank();
            a.send("match:submit", "s2", submission);
            assertThat(a.reply("s2").path("payload").path("code").asText()).isEqualTo("RATE_LIMITED");
            e.send("match:submit", "s3", submission);
            assertThat(e.reply("s3").path("payload").path("code").asText()).isEqualTo("NOT_IN_MATCH");
            b.send("match:submit", "s4", Map.of("matchId", matchId, "problemId", "not-in-match", "language", "python3",
                    "code", "print(1)"));
            assertThat(b.reply("s4").path("payload").path("code").asText()).isEqualTo("PROBLEM_NOT_IN_MATCH");

            e.send("lobby:queue", "qe", Map.of("mode", "SABOTAGE"));
            e.reply("qe");
            e.send("lobby:leave", "le", Map.of("mode", "SABOTAGE"));
            JsonNode left = e.reply("le");
            assertThat(left.path("type").asText()).isEqualTo("lobby:left");
            assertThat(left.path("payload").path("queued").asBoolean()).isFalse();
        }
    }

    @Test
    void aPrivateLobbysHostConfiguresItAndStartsAMatchWithThoseSettings() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> problems = List.of("lobby-d1-" + run, "lobby-d2-" + run, "lobby-d5-" + run);
        commands.sendAndWait(new ImportProblemCommand(ProblemId.of(problems.get(0)), "l1", definition("One", 1)));
        commands.sendAndWait(new ImportProblemCommand(ProblemId.of(problems.get(1)), "l2", definition("Two", 2)));
        commands.sendAndWait(new ImportProblemCommand(ProblemId.of(problems.get(2)), "l5", definition("Five", 5)));
        awaitTrue(() -> jdbc.queryForObject("SELECT count(*) FROM gateway_problem WHERE problem_id IN (?, ?, ?)", Integer.class,
                problems.get(0), problems.get(1), problems.get(2)) == 3);
        AuthenticatedPlayer host = register("host_" + run);
        AuthenticatedPlayer guest = register("guest_" + run);

        try (GatewayTestClient h = GatewayTestClient.connect(port, tokens.issue(host));
             GatewayTestClient g = GatewayTestClient.connect(port, tokens.issue(guest))) {
            h.send("lobby:create", "c", Map.of("mode", "GOLF"));
            JsonNode created = h.reply("c");
            assertThat(created.path("type").asText()).as("%s", created).isEqualTo("lobby:update");
            String code = created.path("payload").path("code").asText();
            assertThat(code).hasSize(6);
            g.send("lobby:join", "j", Map.of("code", code));
            assertThat(g.reply("j").path("payload").path("members")).hasSize(2);

            // only the host configures and starts; bad settings are refused with a typed error
            g.send("lobby:settings", "gs", Map.of("code", code, "settings", Map.of("durationSeconds", 90)));
            assertThat(g.reply("gs").path("payload").path("code").asText()).isEqualTo("NOT_LOBBY_HOST");
            g.send("lobby:start", "gstart", Map.of("code", code));
            assertThat(g.reply("gstart").path("payload").path("code").asText()).isEqualTo("NOT_LOBBY_HOST");
            h.send("lobby:settings", "bad", Map.of("code", code, "settings", Map.of("durationSeconds", 5)));
            assertThat(h.reply("bad").path("payload").path("code").asText()).isEqualTo("VALIDATION_FAILED");

            h.send("lobby:settings", "s", Map.of("code", code, "mode", "BLITZ",
                    "settings", Map.of("durationSeconds", 300, "problemCount", 2, "difficulty", 2)));
            JsonNode configured = h.reply("s");
            assertThat(configured.path("type").asText()).as("%s", configured).isEqualTo("lobby:update");
            JsonNode seenByGuest = g.await(n -> n.path("type").asText().equals("lobby:update")
                    && n.path("payload").path("mode").asText().equals("BLITZ"), Duration.ofSeconds(10), "the guest's lobby:update");
            assertThat(seenByGuest.path("payload").path("settings").path("durationSeconds").asInt()).isEqualTo(300);
            assertThat(seenByGuest.path("payload").path("settings").path("problemCount").asInt()).isEqualTo(2);
            assertThat(seenByGuest.path("payload").path("settings").path("difficulty").asInt()).isEqualTo(2);

            h.send("lobby:start", "go", Map.of("code", code));
            JsonNode found = h.reply("go");
            assertThat(found.path("type").asText()).as("%s", found).isEqualTo("lobby:found");
            assertThat(found.path("payload").path("lobbyCode").asText()).isEqualTo(code);
            String matchId = found.path("payload").path("matchId").asText();
            assertThat(g.await(n -> n.path("type").asText().equals("lobby:found"), Duration.ofSeconds(10), "the guest's lobby:found")
                    .path("payload").path("matchId").asText()).isEqualTo(matchId);

            // the match the engine created carries the host's settings
            List<String> payloads = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%MatchCreated'", String.class, matchId);
            assertThat(payloads).hasSize(1);
            JsonNode match = GatewayTestClient.JSON.readTree(payloads.get(0));
            assertThat(match.path("mode").asText()).isEqualTo("BLITZ");
            assertThat(match.path("settings").path("durationSeconds").asInt()).isEqualTo(300);
            assertThat(match.path("players")).hasSize(2);
            JsonNode drawn = match.path("problems");
            assertThat(drawn).hasSize(2);
            drawn.forEach(problem -> assertThat(problem.path("difficulty").asInt()).as("%s", problem).isBetween(1, 2));

            h.send("lobby:join", "again", Map.of("code", code));
            assertThat(h.reply("again").path("payload").path("code").asText()).isEqualTo("LOBBY_NOT_FOUND");
        } finally {
            // the other tests here expect only their own Blitz problems in the catalogue
            problems.forEach(id -> commands.sendAndWait(new RetireProblemCommand(ProblemId.of(id), "lobby test done")));
            awaitTrue(() -> jdbc.queryForObject("SELECT count(*) FROM gateway_problem WHERE retired AND problem_id IN (?, ?, ?)",
                    Integer.class, problems.get(0), problems.get(1), problems.get(2)) == 3);
        }
    }

    @Test
    void concurrentClaimsNeverPutAPlayerInTwoGroups() throws Exception {
        MatchMode mode = MatchMode.GOLF;
        // hold the mode's pass lock so this instance's own periodic pass stays out of the race below
        String lock = passLock(mode);
        long now = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "race-" + UUID.randomUUID();
            ids.add(id);
            assertThat(queue.join(id, mode, 1400 + (i % 50), now).block()).isTrue();
        }
        MatchmakingPass.Rules rules = new MatchmakingPass.Rules(150, 50, 30_000, 10_000, 2, 2, Long.MAX_VALUE);
        Set<String> claimed = Collections.synchronizedSet(new HashSet<>());
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> passes = new ArrayList<>();
        for (int pass = 0; pass < 4; pass++) {
            passes.add(CompletableFuture.runAsync(() -> {
                List<QueuedPlayer> snapshot = queue.snapshot(mode).block().players();
                for (List<QueuedPlayer> group : MatchmakingPass.groups(snapshot, now, rules)) {
                    if (Boolean.TRUE.equals(queue.claim(mode, group).block())) {
                        group.forEach(p -> {
                            if (!claimed.add(p.playerId())) {
                                duplicates.add(p.playerId());
                            }
                        });
                    }
                }
            }));
        }
        CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).get();
        assertThat(duplicates).isEmpty();
        assertThat(claimed).hasSize(200);
        assertThat(queue.size(mode).block()).isZero();
        assertThat(queue.join(ids.get(0), mode, 1500, now).block()).as("a matched player cannot queue while held").isFalse();
        assertThat(queue.lock(mode, Duration.ofSeconds(5)).block()).as("the pass lock excludes other passes").isNull();
        queue.unlock(mode, lock).block();
    }

    @Test
    void aGroupIsClaimedOnlyIfAllItsPlayersAreStillQueuedWhenTheClaimRuns() throws Exception {
        MatchMode mode = MatchMode.BATTLE_ROYALE;
        String lock = passLock(mode);
        try {
            long now = System.currentTimeMillis();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add("left-" + UUID.randomUUID());
                assertThat(queue.join(ids.get(i), mode, 1500 + i, now - i).block()).isTrue();
            }
            MatchQueue.Snapshot snapshot = queue.snapshot(mode).block();
            assertThat(snapshot.players()).extracting(QueuedPlayer::playerId).containsAll(ids);
            List<List<QueuedPlayer>> groups = List.of(players(snapshot, ids.get(0), ids.get(1)),
                    players(snapshot, ids.get(2), ids.get(3)));

            // nothing left since the read: the claim trusts the read and takes both groups
            assertThat(queue.claimAll(mode, snapshot.removals(), groups).block()).containsExactly(true, true);
            assertThat(queue.size(mode).block()).isEqualTo(2);

            // one player leaves between the next read and its claim: their group stays, the other goes
            MatchQueue.Snapshot next = queue.snapshot(mode).block();
            assertThat(queue.leave(ids.get(5), mode).block()).isTrue();
            assertThat(queue.claimAll(mode, next.removals(), List.of(players(next, ids.get(4), ids.get(5)))).block())
                    .containsExactly(false);
            assertThat(queue.size(mode).block()).as("the one who stayed still waits").isEqualTo(1);
            // a claim that repeats an earlier read (its players are gone) takes nobody
            assertThat(queue.claimAll(mode, snapshot.removals(), groups).block()).containsExactly(false, false);

            // claimed players are held (no queue, no lobby) until released or their hold runs out
            assertThat(queue.join(ids.get(0), MatchMode.GOLF, 1500, now).block()).isFalse();
            assertThat(queue.holdForLobby(ids.get(2), "ABCDEF").block()).isFalse();
            queue.releaseClaim(List.of(ids.get(0))).block();
            assertThat(queue.join(ids.get(0), mode, 1500, now).block()).as("released by a failed match start").isTrue();
            assertThat(queue.join(ids.get(5), mode, 1505, now).block()).as("left, so free").isTrue();
            assertThat(queue.join(ids.get(4), MatchMode.GOLF, 1504, now).block()).as("still queued for %s", mode).isFalse();
            for (String id : List.of(ids.get(0), ids.get(4), ids.get(5))) {
                queue.leave(id, mode).block();
            }
            assertThat(queue.size(mode).block()).isZero();
        } finally {
            queue.unlock(mode, lock).block();
        }
    }

    @Test
    void holdsWrittenByThePreviousVersionAreHonouredUntilTheyExpireExceptQueueHoldsWhoseQueueIsGone() {
        String matched = "old-match-" + UUID.randomUUID();
        String queued = "old-queue-" + UUID.randomUUID();
        redis.opsForValue().set(MatchQueue.holderKey(matched), "match:" + UUID.randomUUID(), Duration.ofMinutes(1)).block();
        redis.opsForValue().set(MatchQueue.holderKey(queued), "queue:BLITZ", Duration.ofMinutes(1)).block();
        long now = System.currentTimeMillis();
        assertThat(queue.join(matched, MatchMode.SABOTAGE, 1500, now).block()).isFalse();
        assertThat(queue.holdForLobby(matched, "OLDHLD").block()).isFalse();
        assertThat(queue.join(queued, MatchMode.SABOTAGE, 1500, now).block()).isTrue();
        assertThat(queue.leave(queued, MatchMode.SABOTAGE).block()).isTrue();
    }

    @Test
    void queueMembersCarryTheJoinTimeAheadOfThePlayer() {
        String member = MatchQueue.member(1_764_135_000_123L, "p-1");
        assertThat(member).isEqualTo("1764135000123:p-1");
        assertThat(MatchQueue.member(42, "p-2")).isEqualTo("0000000000042:p-2");
        assertThat(MatchQueue.parse(member, 1612.0)).isEqualTo(new QueuedPlayer("p-1", 1612, 1_764_135_000_123L));
        assertThat(MatchQueue.parse("p-3", 1500.0)).as("a member of the previous version").isNull();
    }

    private static List<QueuedPlayer> players(MatchQueue.Snapshot snapshot, String... ids) {
        List<QueuedPlayer> group = new ArrayList<>();
        for (String id : ids) {
            group.add(snapshot.players().stream().filter(p -> p.playerId().equals(id)).findFirst().orElseThrow());
        }
        return group;
    }

    /** The mode's pass lock, so this instance's own periodic pass stays out of a test's way. */
    private String passLock(MatchMode mode) throws InterruptedException {
        String lock = null;
        for (int attempt = 0; lock == null && attempt < 50; attempt++) {
            lock = queue.lock(mode, Duration.ofMinutes(1)).block();
            if (lock == null) {
                Thread.sleep(100); // a periodic pass holds it for a moment
            }
        }
        assertThat(lock).isNotNull();
        return lock;
    }

    private AuthenticatedPlayer register(String handle) {
        PlayerId id = PlayerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterPlayerCommand(id, handle, PlayerClass.SPEEDRUNNER));
        return new AuthenticatedPlayer(id, handle, PlayerClass.SPEEDRUNNER, Set.of(Role.PLAYER));
    }

    private static ProblemDefinition definition(String title, int difficulty) {
        return new ProblemDefinition(title, difficulty, List.of("math"), 1000, 256, CheckerSpec.TOKENS, Set.of(MatchMode.BLITZ, MatchMode.GOLF),
                "Print twice the input.", "double/v1/tests", 3, null);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
