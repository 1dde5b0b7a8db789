package dev.codearena.query.it;

import static dev.codearena.query.testing.QueryTestSupport.awaitCaughtUp;
import static dev.codearena.query.testing.QueryTestSupport.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.live.LiveKeys;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchId;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import dev.codearena.query.QueryProcessingGroups;
import dev.codearena.query.admin.RebuildService;
import dev.codearena.query.testing.ArenaHistory;
import dev.codearena.query.testing.QueryTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code matches} and {@code live-views} read models come out the same whether events arrive live, a few per
 * batch (so most rows are written by UPDATEs of rows an earlier batch inserted, rosters change across batches, and a
 * view is read back from Redis at almost every event), or in a rebuild's large batches (most rows inserted whole, views
 * read ahead once per batch): every match table row by row, the live-match list with its scores, and the view of every
 * live match and of every match that ended less than {@link LiveKeys#ENDED_VIEW_TTL_SECONDS} ago (views of matches that
 * ended earlier are not recreated by the rebuild).
 */
@EmbeddedInfrastructureTest
class MatchWritesEquivalenceTest {

    private static final List<String> MATCH_TABLES = List.of("qs_match", "qs_match_player", "qs_match_problem", "qs_submission");

    @Test
    void liveInSmallBatchesAndARebuildWriteTheSameMatchRowsAndLiveViews() {
        // The history runs from about 25 minutes ago to a few minutes from now: some matches ended long enough ago for
        // a rebuild to drop their views, some recently enough to keep them.
        ArenaHistory history = ArenaHistory.generate(20261126L, "eqm", 24, 2, 60, 6, Instant.now().minus(Duration.ofMinutes(25)));
        try (ConfigurableApplicationContext context = QueryTestSupport.start(
                EmbeddedInfrastructureExtension.newDatabase("match_writes_equivalence"),
                "--axon.eventhandling.processors.matches.batch-size=3",
                "--axon.eventhandling.processors.live-views.batch-size=3")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
            // The test Redis is shared by the module's tests: start from an empty one and leave it empty.
            forgetLiveViews(redis);
            try {
                compare(context, jdbc, redis, history);
            } finally {
                forgetLiveViews(redis);
            }
        }
    }

    private static void compare(ConfigurableApplicationContext context, JdbcTemplate jdbc, StringRedisTemplate redis,
                                ArenaHistory history) {
        EventStore eventStore = context.getBean(EventStore.class);
        Random chunks = new Random(3);
        List<ArenaHistory.StoredEvent> events = history.events();
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + chunks.nextInt(150));
            QueryTestSupport.publish(eventStore, events.subList(from, to));
            awaitCaughtUp(context, Duration.ofSeconds(120));
            from = to;
        }
        Map<String, List<Map<String, Object>>> liveRows = matchTables(jdbc);
        Map<String, Double> liveList = liveList(redis);
        Map<String, String> liveViews = views(redis, history);
        assertThat(liveRows.get("qs_submission")).as("submissions").hasSizeGreaterThan(300);
        assertThat(liveList).as("live matches listed").hasSize(history.liveMatches().size());

        RebuildService rebuilds = context.getBean(RebuildService.class);
        List<String> readModels = List.of(QueryProcessingGroups.MATCHES, QueryProcessingGroups.LIVE_VIEWS);
        rebuilds.rebuild(readModels);
        awaitTrue("rebuild done", Duration.ofMinutes(3),
                () -> readModels.stream().allMatch(readModel -> rebuilds.status(readModel).state().equals("DONE")));
        awaitCaughtUp(context, Duration.ofSeconds(60));

        Map<String, List<Map<String, Object>>> rebuiltRows = matchTables(jdbc);
        liveRows.forEach((table, rows) -> assertThat(rebuiltRows.get(table)).as(table).containsExactlyElementsOf(rows));
        assertThat(liveList(redis)).isEqualTo(liveList);
        Map<String, String> rebuiltViews = views(redis, history);
        Instant now = Instant.now();
        int compared = 0;
        for (MatchEnded ended : history.payloads(MatchEnded.class)) {
            String key = LiveKeys.view(ended.matchId());
            long endedSecondsAgo = Duration.between(ended.endedAt(), now).toSeconds();
            if (endedSecondsAgo < LiveKeys.ENDED_VIEW_TTL_SECONDS - 60) {
                assertThat(rebuiltViews.get(key)).as("view of recently ended " + key).isNotNull().isEqualTo(liveViews.get(key));
                compared++;
            } else if (endedSecondsAgo > LiveKeys.ENDED_VIEW_TTL_SECONDS + 60) {
                assertThat(rebuiltViews.get(key)).as("view of " + key + ", ended long ago").isNull();
            }
        }
        assertThat(compared).as("recently ended matches compared").isGreaterThan(5);
        for (String match : liveList.keySet()) {
            String key = LiveKeys.PREFIX + "match:" + match;
            assertThat(rebuiltViews.get(key)).as(key).isNotNull().isEqualTo(liveViews.get(key));
        }
    }

    private static void forgetLiveViews(StringRedisTemplate redis) {
        redis.execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    private static Map<String, List<Map<String, Object>>> matchTables(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        QueryTestSupport.dump(jdbc).forEach((table, rows) -> {
            if (MATCH_TABLES.contains(table)) {
                out.put(table, rows);
            }
        });
        return out;
    }

    private static Map<String, Double> liveList(StringRedisTemplate redis) {
        Map<String, Double> out = new TreeMap<>();
        for (ZSetOperations.TypedTuple<String> member : redis.opsForZSet().rangeWithScores(LiveKeys.LIVE_MATCHES, 0, -1)) {
            out.put(member.getValue(), member.getScore());
        }
        return out;
    }

    /** The stored view of every match of the history (null where there is none). */
    private static Map<String, String> views(StringRedisTemplate redis, ArenaHistory history) {
        List<String> keys = history.events().stream().filter(e -> e.aggregateType().equals("Match")).map(e -> e.aggregateId())
                .distinct().map(id -> LiveKeys.view(MatchId.of(id))).toList();
        List<String> values = redis.opsForValue().multiGet(keys);
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), values.get(i));
        }
        return out;
    }
}
