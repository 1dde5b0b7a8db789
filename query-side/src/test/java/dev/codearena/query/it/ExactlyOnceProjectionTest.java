package dev.codearena.query.it;

import static dev.codearena.query.testing.QueryTestSupport.awaitCaughtUp;
import static dev.codearena.query.testing.QueryTestSupport.awaitTrue;
import static dev.codearena.query.testing.QueryTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.match.MatchEnded;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import dev.codearena.query.testing.ArenaHistory;
import dev.codearena.query.testing.Expectations;
import dev.codearena.query.testing.QueryTestSupport;
import java.time.Duration;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection interrupted in the middle of its work — its process stopped while it is projecting, or a
 * handler failing halfway through a batch — ends with every event applied exactly once: rows and token
 * are committed together, so the replacement process (or the retry) starts exactly after the last
 * committed batch. Every read-model table's row count must equal what the events say; an event applied
 * twice would also break a primary key (e.g. rating history), stopping the processor.
 */
@EmbeddedInfrastructureTest
class ExactlyOnceProjectionTest {

    /** Small batches, so that a stop lands between many commits. */
    private static final String[] SMALL_BATCHES = {
            "--axon.eventhandling.processors.matches.batch-size=20",
            "--axon.eventhandling.processors.players.batch-size=20",
            "--axon.eventhandling.processors.live-views.batch-size=20"};

    @AfterEach
    void disarm() {
        PoisonedMatchHandler.POISONED_MATCH.set(null);
        PoisonedMatchHandler.FAILURES_LEFT.set(0);
    }

    @Test
    void aProcessStoppedWhileProjectingLeavesNoEventAppliedTwice() {
        String database = EmbeddedInfrastructureExtension.newDatabase("query_kill");
        ArenaHistory history = ArenaHistory.generate(7, "kill", 40, 4, 260, 6);
        Map<String, Long> expected = Expectations.rowCounts(history);
        long stoppedAt;
        try (ConfigurableApplicationContext first = QueryTestSupport.start(database, SMALL_BATCHES)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            QueryTestSupport.publish(first.getBean(EventStore.class), history.events());
            awaitTrue("projection under way", Duration.ofSeconds(60),
                    () -> count(jdbc, "SELECT count(*) FROM qs_submission") > 0);
            stoppedAt = count(jdbc, "SELECT count(*) FROM qs_submission");
        }
        assertThat(stoppedAt).as("stopped in the middle, or this test proves nothing").isLessThan(expected.get("qs_submission"));

        try (ConfigurableApplicationContext second = QueryTestSupport.start(database, SMALL_BATCHES)) {
            awaitCaughtUp(second, Duration.ofSeconds(120));
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            expected.forEach((table, n) -> assertThat(count(jdbc, "SELECT count(*) FROM " + table)).as(table).isEqualTo(n));
        }
    }

    @Test
    void aBatchFailingHalfwayIsRolledBackAndRetriedWithoutDuplicates() {
        String database = EmbeddedInfrastructureExtension.newDatabase("query_poison");
        ArenaHistory history = ArenaHistory.generate(11, "poison", 20, 2, 60, 2);
        MatchEnded poisoned = history.payloads(MatchEnded.class).get(20);
        PoisonedMatchHandler.FAILED.set(0);
        PoisonedMatchHandler.POISONED_MATCH.set(poisoned.matchId().value());
        PoisonedMatchHandler.FAILURES_LEFT.set(2);
        try (ConfigurableApplicationContext context = QueryTestSupport.start(database,
                "--axon.eventhandling.processors.matches.batch-size=200")) {
            QueryTestSupport.publish(context.getBean(EventStore.class), history.events());
            awaitCaughtUp(context, Duration.ofSeconds(120));
            assertThat(PoisonedMatchHandler.FAILED.get()).as("the batch really failed").isEqualTo(2);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Expectations.rowCounts(history).forEach((table, n) ->
                    assertThat(count(jdbc, "SELECT count(*) FROM " + table)).as(table).isEqualTo(n));
            assertThat(jdbc.queryForObject("SELECT phase FROM qs_match WHERE match_id = ?", String.class,
                    poisoned.matchId().value())).isEqualTo("ENDED");
        }
    }
}
