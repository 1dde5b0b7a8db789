package dev.codearena.arena.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codearena.arena.ArenaApplication;
import dev.codearena.command.gateway.GatewayTestClient;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Blitz match of {@link ArenaEndToEndTest} with its two players on two different arena
 * instances: two separate JVM processes of {@link ArenaApplication} (each with its own port, data
 * directory and temp directory, the same JWT secret) sharing one PostgreSQL database and one Redis
 * started by the test. Alice plays over WebSocket on instance one, Bob over RSocket on instance
 * two, Sam watches on instance two. All three register on instance one, so the other instance
 * accepts tokens and accounts it never issued.
 * <p>
 * Besides what both players and the spectator see, it checks from the outside that the instances
 * did not do twice what must happen once: Redis {@code MONITOR} shows the matchmaking lock held by
 * both instances over time but never by two at once, and never a queue read outside it; the event
 * store holds one start and one end of the match (its countdown deadline fired into exactly one
 * start) and every client got one {@code lobby:found} and one {@code match:end}.
 */
@EmbeddedInfrastructureTest
class TwoInstancesEndToEndTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern READY = Pattern.compile("event=codearena-ready .*http=http://localhost:(\\d+)/");
    private static final Pattern CATALOGUE_LOADED = Pattern.compile("problem catalogue: \\d+ problems from");
    private static final String JWT_SECRET = "VHdvIGFyZW5hIGluc3RhbmNlcyBzaGFyZSB0aGlzIDI1Ni1iaXQga2V5ISE=";

    @Test
    void playersOnDifferentInstancesPlayOneMatchWatchedByASpectator() throws Exception {
        String database = EmbeddedInfrastructureExtension.newDatabase("two_instances");
        String redis = EmbeddedInfrastructureExtension.infrastructure().redisUrl();
        String user = EmbeddedInfrastructureExtension.infrastructure().username();
        List<Instance> instances = new ArrayList<>();
        try (RedisCommandLog redisLog = RedisCommandLog.start(redis)) {
            // started together: two JVM start-ups in sequence would dominate the test's time
            instances.add(Instance.start("one", database, user, redis));
            instances.add(Instance.start("two", database, user, redis));
            int one = instances.get(0).awaitPort();
            int two = instances.get(1).awaitPort();
            assertThat(one).isNotEqualTo(two);
            // each instance materialises the problems' tests for its own judge: wait for both
            for (Instance instance : instances) {
                instance.awaitLog(CATALOGUE_LOADED);
            }
            BlitzPlay.awaitCatalogue(() -> count(database, user, BlitzPlay.BLITZ_PROBLEMS_OF_DIFFICULTY_ONE));

            String run = UUID.randomUUID().toString().substring(0, 6);
            String alice = BlitzPlay.register("http://localhost:" + one, "alice_" + run);
            String bob = BlitzPlay.register("http://localhost:" + one, "bob_" + run);
            String sam = BlitzPlay.register("http://localhost:" + one, "sam_" + run);

            String matchId;
            try (GatewayTestClient a = GatewayTestClient.webSocket(one, alice, BlitzPlay.PATIENCE);
                 GatewayTestClient b = GatewayTestClient.rsocket(two, bob, BlitzPlay.PATIENCE);
                 GatewayTestClient s = GatewayTestClient.webSocket(two, sam, BlitzPlay.PATIENCE)) {
                // global chat crosses instances
                a.send("chat:send", "g1", Map.of("channel", "GLOBAL", "text", "hello from instance one"));
                assertThat(a.reply("g1").path("type").asText()).isEqualTo("ack");
                assertThat(s.await(n -> n.path("type").asText().equals("chat:message")
                        && n.path("payload").path("text").asText().equals("hello from instance one"), Duration.ofSeconds(10),
                        "global chat from the other instance").path("payload").path("channel").asText()).isEqualTo("GLOBAL");

                matchId = BlitzPlay.matchUp(a, b);
                String problem = BlitzPlay.join(a, b, s, matchId);
                // the players' chat crosses instances too
                b.send("chat:send", "m1", Map.of("channel", "MATCH", "matchId", matchId, "text", "gl from two"));
                assertThat(b.reply("m1").path("type").asText()).isEqualTo("ack");
                assertThat(a.await(n -> n.path("type").asText().equals("chat:message")
                        && n.path("payload").path("text").asText().equals("gl from two"), Duration.ofSeconds(10), "match chat").isObject()).isTrue();

                BlitzPlay.awaitTicksAndRunning(a, s);
                BlitzPlay.awaitTicksAndRunning(b, b);
                BlitzPlay.wrongThenAccepted(a, b, s, matchId, problem);

                Thread.sleep(3_000); // room for duplicates to show up
                for (GatewayTestClient client : List.of(a, b, s)) {
                    assertThat(client.everything().stream().filter(n -> n.path("type").asText().equals("match:end")).count())
                            .as("match:end deliveries").isEqualTo(1);
                }
                for (GatewayTestClient player : List.of(a, b)) {
                    assertThat(player.everything().stream().filter(n -> n.path("type").asText().equals("lobby:found")).count())
                            .as("lobby:found deliveries").isEqualTo(1);
                }
                assertThat(s.everything().stream().map(JsonNode::toString)).noneMatch(text -> text.contains("print(-12345)"));
            }

            // the countdown deadline started the match once, and it ended once
            assertThat(countEvents(database, user, matchId, "MatchStarted")).as("MatchStarted events").isEqualTo(1);
            assertThat(countEvents(database, user, matchId, "MatchEnded")).as("MatchEnded events").isEqualTo(1);
            assertThat(count(database, user, "SELECT count(DISTINCT aggregateidentifier) FROM domainevententry "
                    + "WHERE payloadtype LIKE '%.MatchCreated'")).as("matches created").isEqualTo(1);

            assertMatchmakingPassesNeverOverlapped(redisLog.commands());
        } finally {
            instances.forEach(Instance::stop);
        }
    }

    /**
     * A pass holds {@code mm:lock:<mode>} from its {@code SET NX} to the unlock script with the same
     * token; a {@code SET} whose token is never unlocked was refused (another instance held it).
     */
    private static void assertMatchmakingPassesNeverOverlapped(List<RedisCommandLog.Command> monitored) {
        Set<String> unlocked = new HashSet<>();
        int lastUnlock = -1;
        for (int i = 0; i < monitored.size(); i++) {
            RedisCommandLog.Command c = monitored.get(i);
            if (c.name().startsWith("EVAL") && "1".equals(c.argument(2)) && "mm:lock:blitz".equals(c.argument(3))) {
                unlocked.add(c.argument(4));
                lastUnlock = i;
            }
        }
        // up to the last completed pass (one may be under way as the log is read)
        List<RedisCommandLog.Command> commands = monitored.subList(0, lastUnlock + 1);
        Map<String, String> holderByLock = new HashMap<>();
        Set<String> holders = new HashSet<>();
        int passes = 0;
        int queueReads = 0;
        String caller = null;
        for (RedisCommandLog.Command c : commands) {
            // commands a Lua script runs are logged as client "lua", right after the EVAL that ran them
            caller = c.client().equals("lua") ? caller : c.client();
            String key = c.argument(1);
            if (c.name().equals("SET") && key != null && key.equals("mm:lock:blitz") && unlocked.contains(c.argument(2))) {
                assertThat(holderByLock.get(key)).as("lock %s taken by %s while held by another pass", key, c.client()).isNull();
                holderByLock.put(key, c.client());
                holders.add(c.client());
                passes++;
            } else if (c.name().startsWith("EVAL") && "mm:lock:blitz".equals(c.argument(3)) && unlocked.contains(c.argument(4))) {
                holderByLock.remove(c.argument(3));
            } else if (c.name().startsWith("ZRANGE") && "mm:queue:blitz".equals(key)) {
                // the queue is only read for grouping by the pass holding the lock
                assertThat(holderByLock.get("mm:lock:blitz")).as("queue read by %s outside its pass", caller).isEqualTo(caller);
                queueReads++;
            }
        }
        assertThat(passes).as("Blitz passes seen").isGreaterThan(4);
        assertThat(queueReads).as("Blitz queue reads seen").isGreaterThan(4);
        assertThat(holders).as("connections that held the Blitz lock (at least one per instance)").hasSizeGreaterThanOrEqualTo(2);
    }

    private static int countEvents(String database, String user, String matchId, String eventType) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, user, "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?")) {
            query.setString(1, matchId);
            query.setString(2, "%." + eventType);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int count(String database, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(database, user, "");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return 0; // not migrated yet
        }
    }

    /** One arena instance: a separate JVM running {@link ArenaApplication} from this module's classpath. */
    private record Instance(String name, Process process, Path log) {

        static Instance start(String name, String database, String user, String redis) throws IOException {
            Path home = Path.of("target", "test-data", "two-instances", name).toAbsolutePath();
            Path tmp = home.resolve("tmp");
            Files.createDirectories(tmp);
            Path log = Path.of("target", "two-instances-" + name + ".log").toAbsolutePath();
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = List.of(java, "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
                    "-cp", applicationClasspath(), ArenaApplication.class.getName(),
                    "--server.port=0",
                    "--codearena.data-dir=" + home.resolve("data"),
                    "--codearena.problems.dir=../problems",
                    "--codearena.auth.jwt-secret=" + JWT_SECRET,
                    "--codearena.matchmaking.pass-interval=500ms",
                    "--codearena.matchmaking.modes.BLITZ.problem-count=1",
                    "--codearena.matchmaking.modes.BLITZ.max-difficulty=1",
                    "--codearena.matchmaking.modes.BLITZ.duration-seconds=120",
                    "--codearena.matchmaking.modes.BLITZ.start-delay-seconds=2");
            ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("CODEARENA_POSTGRES_URL", database);
            builder.environment().put("CODEARENA_POSTGRES_USERNAME", user);
            builder.environment().put("CODEARENA_POSTGRES_PASSWORD", "");
            builder.environment().put("CODEARENA_REDIS_URL", redis);
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new Instance(name, builder.start(), log);
        }

        /** The test classpath without test classes (the arena scans all of dev.codearena; test fixtures must not become beans). */
        private static String applicationClasspath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
                    .collect(Collectors.joining(File.pathSeparator));
        }

        int awaitPort() throws InterruptedException {
            return Integer.parseInt(awaitLog(READY).group(1));
        }

        Matcher awaitLog(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher matcher = pattern.matcher(read());
                if (matcher.find()) {
                    return matcher;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(250);
            }
            return fail("instance " + name + " never logged '" + pattern + "'; log " + log);
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private String read() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
