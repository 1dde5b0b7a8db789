package dev.codearena.query.it;

import static dev.codearena.query.testing.QueryTestSupport.awaitCaughtUp;
import static dev.codearena.query.testing.QueryTestSupport.awaitTrue;
import static dev.codearena.query.testing.QueryTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.query.RebuildStatus;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import dev.codearena.query.QueryProcessingGroups;
import dev.codearena.query.admin.RebuildService;
import dev.codearena.query.read.ReadModelGuard;
import dev.codearena.query.testing.ArenaHistory;
import dev.codearena.query.testing.Expectations;
import dev.codearena.query.testing.QueryTestSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Rebuild all" as one pass over the event store: events appended while it runs are applied exactly once
 * (by the pass or, after the hand-over, by the read models' own processors), and a process stopped in the
 * middle of a pass (here: of two passes sharing the read models) comes back with those read models still marked
 * rebuilding and finishes them, ending with the same rows as before the rebuild.
 */
@EmbeddedInfrastructureTest
class RebuildPassIntegrationTest {

    /** Small pass batches, so that the pass takes many commits and events can arrive or a stop can land in between. */
    private static final String SMALL_PASS_BATCHES = "--codearena.rebuild.batch-size=10";
    /** The read models spread over two passes (the restart test; the other uses the default single pass). */
    private static final String TWO_PASSES = "--codearena.rebuild.passes=2";

    @Test
    void eventsAppendedDuringARebuildAllAreAppliedExactlyOnce() {
        ArenaHistory before = ArenaHistory.generate(21, "pa", 30, 3, 120, 3);
        ArenaHistory during = ArenaHistory.generate(22, "pd", 20, 2, 60, 4);
        Map<String, Long> expected = new HashMap<>(Expectations.rowCounts(before));
        Expectations.rowCounts(during).forEach((table, n) -> expected.merge(table, n, Long::sum));
        try (ConfigurableApplicationContext context = QueryTestSupport.start(
                EmbeddedInfrastructureExtension.newDatabase("query_pass_live"), SMALL_PASS_BATCHES)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            EventStore eventStore = context.getBean(EventStore.class);
            RebuildService rebuilds = context.getBean(RebuildService.class);
            QueryTestSupport.publish(eventStore, before.events());
            awaitCaughtUp(context, Duration.ofSeconds(120));

            rebuilds.rebuildAll();
            String pass = rebuilds.passOf(QueryProcessingGroups.PLAYERS);
            assertThat(pass).as("one pass for every read model").isNotNull();
            assertThat(QueryProcessingGroups.ALL).allSatisfy(readModel -> assertThat(rebuilds.passOf(readModel)).isEqualTo(pass));
            List<ArenaHistory.StoredEvent> events = during.events();
            QueryTestSupport.publish(eventStore, events.subList(0, events.size() / 2));
            assertThat(rebuilds.statusAll()).as("events were appended while the pass ran, or this test proves nothing")
                    .anyMatch(s -> s.state().equals("REBUILDING"));
            QueryTestSupport.publish(eventStore, events.subList(events.size() / 2, events.size()));

            awaitAllDone(rebuilds);
            awaitCaughtUp(context, Duration.ofSeconds(120));
            expected.forEach((table, n) -> assertThat(count(jdbc, "SELECT count(*) FROM " + table)).as(table).isEqualTo(n));
            assertThat(count(jdbc, "SELECT count(*) FROM tokenentry WHERE processorname LIKE 'rebuild-pass-%'"))
                    .as("the pass's token is deleted after the hand-over").isZero();
            assertThat(rebuilds.statusAll()).allSatisfy(s -> assertThat(s.processedEvents()).isEqualTo(s.totalEvents()).isPositive());
            forgetLiveViews(context);
        }
    }

    @Test
    void aProcessStoppedDuringARebuildAllFinishesItAfterTheRestart() {
        String database = EmbeddedInfrastructureExtension.newDatabase("query_pass_restart");
        ArenaHistory history = ArenaHistory.generate(23, "pr", 30, 3, 160, 3);
        Map<String, Long> expected = Expectations.rowCounts(history);
        Map<String, List<Map<String, Object>>> rowsBefore;
        List<String> interrupted;
        try (ConfigurableApplicationContext first = QueryTestSupport.start(database, SMALL_PASS_BATCHES, TWO_PASSES)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            RebuildService rebuilds = first.getBean(RebuildService.class);
            QueryTestSupport.publish(first.getBean(EventStore.class), history.events());
            awaitCaughtUp(first, Duration.ofSeconds(120));
            rowsBefore = QueryTestSupport.dump(jdbc);

            rebuilds.rebuildAll();
            assertThat(QueryProcessingGroups.ALL.stream().map(rebuilds::passOf).distinct().count()).as("two passes").isEqualTo(2);
            awaitTrue("pass under way", Duration.ofSeconds(60),
                    () -> rebuilds.status(QueryProcessingGroups.MATCHES).processedEvents() > 0);
            // The two passes start one after the other; on this small history the cheaper one may be done before the
            // other has begun. What the test needs is a pass stopped in the middle: the one holding `matches`.
            interrupted = rebuilds.statusAll().stream().filter(s -> s.state().equals("REBUILDING"))
                    .map(RebuildStatus::readModel).toList();
            assertThat(interrupted).as("stopped in the middle of a pass, or this test proves nothing")
                    .contains(QueryProcessingGroups.MATCHES);
        }

        try (ConfigurableApplicationContext second = QueryTestSupport.start(database, SMALL_PASS_BATCHES)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            RebuildService rebuilds = second.getBean(RebuildService.class);
            ReadModelGuard guard = second.getBean(ReadModelGuard.class);
            EventProcessingConfiguration processing = second.getBean(EventProcessingConfiguration.class);
            long head = count(jdbc, "SELECT max(globalindex) FROM domainevententry");
            // A read model the guard lets through must be complete (checked in that order: positions only grow).
            for (String readModel : QueryProcessingGroups.ALL) {
                if (!guard.isRebuilding(readModel)) {
                    assertThat(processing.eventProcessor(readModel, TrackingEventProcessor.class).orElseThrow().processingStatus()
                            .values()).as(readModel + " served while not rebuilt")
                            .isNotEmpty().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
                }
            }
            assertThat(rebuilds.statusAll()).as("the interrupted rebuilds are picked up at start-up")
                    .filteredOn(s -> interrupted.contains(s.readModel())).noneMatch(s -> s.state().equals("IDLE"));
            assertThat(count(jdbc, "SELECT count(*) FROM tokenentry WHERE processorname LIKE 'rebuild-pass-%'"))
                    .as("the interrupted pass's token is deleted").isZero();

            awaitTrue("every interrupted rebuild done", Duration.ofSeconds(180), () -> rebuilds.statusAll().stream()
                    .filter(s -> interrupted.contains(s.readModel())).allMatch(s -> s.state().equals("DONE")));
            awaitCaughtUp(second, Duration.ofSeconds(120));
            expected.forEach((table, n) -> assertThat(count(jdbc, "SELECT count(*) FROM " + table)).as(table).isEqualTo(n));
            Map<String, List<Map<String, Object>>> rowsAfter = QueryTestSupport.dump(jdbc);
            rowsBefore.forEach((table, rows) -> assertThat(rowsAfter.get(table)).as(table).containsExactlyElementsOf(rows));
            assertThat(QueryProcessingGroups.ALL).noneMatch(guard::isRebuilding);
            forgetLiveViews(second);
        }
    }

    /** The embedded Redis is shared by the test classes of this JVM; other classes expect only their own live views. */
    private static void forgetLiveViews(ConfigurableApplicationContext context) {
        context.getBean(StringRedisTemplate.class).execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    private static void awaitAllDone(RebuildService rebuilds) {
        awaitTrue("every rebuild done", Duration.ofSeconds(180),
                () -> rebuilds.statusAll().stream().map(RebuildStatus::state).allMatch("DONE"::equals));
    }
}
