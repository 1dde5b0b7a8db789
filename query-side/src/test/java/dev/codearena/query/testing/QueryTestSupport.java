package dev.codearena.query.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.codearena.query.QueryProcessingGroups;
import dev.codearena.query.QuerySideApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starting the query side against a test database, feeding it events, waiting for it, dumping its tables. */
public final class QueryTestSupport {

    /** Every read-model table with the columns that order its rows completely. */
    public static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("qs_player", "player_id");
        TABLES.put("qs_player_rating", "player_id, board");
        TABLES.put("qs_rating_history", "player_id, board, match_id");
        TABLES.put("qs_match", "match_id");
        TABLES.put("qs_match_player", "match_id, player_id");
        TABLES.put("qs_match_problem", "match_id, problem_id");
        TABLES.put("qs_submission", "match_id, submission_id");
        TABLES.put("qs_clan", "clan_id");
        TABLES.put("qs_clan_member", "clan_id, player_id");
        TABLES.put("qs_problem", "problem_id");
    }

    /** The access-token key the test services verify with (base64 of 32 bytes). */
    public static final String TEST_JWT_SECRET = java.util.Base64.getEncoder()
            .encodeToString("query-side-test-jwt-secret-32-bytes!".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private QueryTestSupport() {
    }

    /** An access token as command-side issues them (HS256, issuer, subject, handle, class, roles), valid for 5 minutes. */
    public static String accessToken(String playerId, String... roles) {
        return accessToken(TEST_JWT_SECRET, playerId, java.time.Instant.now().plusSeconds(300), roles);
    }

    public static String accessToken(String base64Secret, String playerId, java.time.Instant expiresAt, String... roles) {
        javax.crypto.SecretKey key = new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(base64Secret), "HmacSHA256");
        return io.jsonwebtoken.Jwts.builder().issuer("codearena").subject(playerId).claim("handle", playerId)
                .claim("class", "HACKER").claim("roles", List.of(roles))
                .issuedAt(java.util.Date.from(expiresAt.minusSeconds(600))).expiration(java.util.Date.from(expiresAt))
                .signWith(key, io.jsonwebtoken.Jwts.SIG.HS256).compact();
    }

    public static ConfigurableApplicationContext start(String databaseUrl, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--codearena.postgres.url=" + databaseUrl, "--server.port=0",
                "--codearena.auth.jwt-secret=" + TEST_JWT_SECRET, "--spring.main.banner-mode=off"));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .web(WebApplicationType.REACTIVE)
                .run(args.toArray(String[]::new));
    }

    /** Appends the history's events to the real event store through Axon, in chunks (one transaction each). */
    public static void publish(EventStore eventStore, List<ArenaHistory.StoredEvent> events) {
        List<DomainEventMessage<?>> chunk = new ArrayList<>();
        for (ArenaHistory.StoredEvent e : events) {
            chunk.add(message(e));
            if (chunk.size() == 500) {
                eventStore.publish(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            eventStore.publish(chunk);
        }
    }

    public static DomainEventMessage<?> message(ArenaHistory.StoredEvent e) {
        return new GenericDomainEventMessage<>(e.aggregateType(), e.aggregateId(), e.sequence(), e.payload(),
                MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(), e.timestamp());
    }

    /** Waits until every query processor has handled every stored event. */
    public static void awaitCaughtUp(ConfigurableApplicationContext context, Duration timeout) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        awaitTrue("query processors caught up", timeout, () -> {
            Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            for (String group : QueryProcessingGroups.ALL) {
                TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                // Not isReplaying(): after a reset it stays true until an event past the reset position arrives.
                if (status.isEmpty() || status.values().stream().anyMatch(
                        s -> s.getCurrentPosition().orElse(-1) < (head == null ? -1 : head))) {
                    return false;
                }
            }
            return true;
        });
    }

    /** All rows of every read-model table, in key order, as text. */
    public static Map<String, List<Map<String, Object>>> dump(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> out.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + order)));
        return out;
    }

    public static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    public static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
        fail("timed out after " + timeout + " waiting for " + what);
    }
}
