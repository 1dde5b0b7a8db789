package dev.codearena.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.ForfeitMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionOutcome;
import dev.codearena.api.match.SubmitSolutionCommand;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.RegisterPlayerCommand;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-side instances on one event store, each with its own cache of Match aggregates, take
 * turns on one match, so that every command reaches an instance whose cached Match misses the other
 * instance's latest events. The cache is used without asking the store; outcomes must still be those
 * of the stored match: a command valid only on the fresh state is accepted, a command the stale state
 * would accept but the fresh one refuses is refused, a conflicting append neither loses nor duplicates
 * events (docs/benchmarks.md, "Match engine").
 */
@EmbeddedInfrastructureTest
class SharedEventStoreInstancesIntegrationTest {

    @Test
    void staleCachedMatchesNeverDecideAnOutcome() throws Exception {
        String database = EmbeddedInfrastructureExtension.newDatabase("shared_store_it");
        String run = UUID.randomUUID().toString().substring(0, 8);
        PlayerId alice = PlayerId.of("alice-" + run);
        PlayerId bob = PlayerId.of("bob-" + run);
        ProblemId problem = ProblemId.of("double-" + run);
        MatchId match = MatchId.of("match-" + run);
        MatchSettings settings = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100))
                .withStartDelaySeconds(0).withSubmitIntervalMs(0);

        try (ConfigurableApplicationContext first = start(database, "a"); ConfigurableApplicationContext second = start(database, "b")) {
            CommandGateway a = first.getBean(CommandGateway.class);
            CommandGateway b = second.getBean(CommandGateway.class);
            a.sendAndWait(new RegisterPlayerCommand(alice, "alice_" + run, PlayerClass.HACKER));
            a.sendAndWait(new RegisterPlayerCommand(bob, "bob_" + run, PlayerClass.GOLFER));
            a.sendAndWait(new ImportProblemCommand(problem, "hash-1", new ProblemDefinition("Double it", 1, List.of("math"), 1000, 256,
                    CheckerSpec.TOKENS, Set.of(MatchMode.BLITZ), "Print twice the input.", "double/v1/tests", 3, null)));
            a.sendAndWait(new CreateMatchCommand(match, MatchMode.BLITZ, settings, List.of(alice, bob), List.of(problem)));
            awaitEvent(first, match, "MatchStarted");

            SubmissionId s1 = SubmissionId.of("s1-" + run);
            SubmissionId s2 = SubmissionId.of("s2-" + run);
            assertThat(b.<SubmissionOutcome>sendAndWait(new SubmitSolutionCommand(match, s1, alice, problem, Language.PYTHON3, "print(1)"))
                    .accepted()).isTrue();
            // A's cached match (from its creation) misses MatchStarted or s1: its append collides, and the
            // command runs again on the stored match
            assertThat(a.<SubmissionOutcome>sendAndWait(new SubmitSolutionCommand(match, s2, bob, problem, Language.PYTHON3, "print(2)"))
                    .accepted()).as("a submission on an instance whose cache missed the other's events").isTrue();

            // (a) valid only on the fresh state: B's cached match has no s2 and would answer "no submission"
            b.sendAndWait(new RecordVerdictCommand(match, s2, Verdict.WA, true, 0, 3, null, 1));
            assertThat(judged(first, match)).as("the verdict B received for the submission A received")
                    .containsExactly(Map.entry(s2.value(), "WA"));

            // (b) a refusal confirmed on the stored match
            assertThatThrownBy(() -> b.sendAndWait(new RecordVerdictCommand(match, SubmissionId.of("none-" + run), Verdict.AC, true, 3, 3,
                    null, 1))).isInstanceOfSatisfying(CodeArenaException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SUBMISSION));

            // (c) A's cached match has s2 without a verdict: an AC there would lock the problem and end the
            // match; the append collides with B's verdict, and on the stored match the AC is a duplicate
            a.sendAndWait(new RecordVerdictCommand(match, s2, Verdict.AC, true, 3, 3, null, 1));
            assertThat(judged(first, match)).as("first verdict wins, recorded once").containsExactly(Map.entry(s2.value(), "WA"));
            assertThat(eventTypes(first, match)).doesNotContain("MatchEnded", "ProblemLocked");

            // a duplicate verdict appends nothing: on B's cached match (fresh or not) it is confirmed on the stored one
            b.sendAndWait(new RecordVerdictCommand(match, s2, Verdict.RE, true, 0, 3, null, 1));
            assertThat(judged(first, match)).as("a duplicate verdict changes nothing").containsExactly(Map.entry(s2.value(), "WA"));

            // accepted on B's stale cache (it misses the forfeit), refused on the stored match
            a.sendAndWait(new ForfeitMatchCommand(match, alice));
            awaitEvent(first, match, "MatchEnded");
            SubmissionId s3 = SubmissionId.of("s3-" + run);
            SubmissionOutcome late = b.sendAndWait(new SubmitSolutionCommand(match, s3, bob, problem, Language.PYTHON3, "print(3)"));
            assertThat(late.accepted()).as("a submission after the match ended elsewhere").isFalse();
            assertThat(late.refusal()).isEqualTo(ErrorCode.MATCH_ENDED);

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                            + "AND payloadtype LIKE '%.SubmissionReceived' ORDER BY sequencenumber", String.class, match.value()))
                    .as("each accepted submission received exactly once").hasSize(2);
            assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND payloadtype LIKE '%.SubmissionReceived'", String.class, match.value()))
                    .anySatisfy(json -> assertThat(json).contains(s1.value()))
                    .anySatisfy(json -> assertThat(json).contains(s2.value()));
            List<Long> sequence = jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                    + "ORDER BY sequencenumber", Long.class, match.value());
            assertThat(sequence).as("one stream, no gaps").containsExactlyElementsOf(LongStream.range(0, sequence.size()).boxed().toList());
        }
    }

    /**
     * Both instances create the same aggregate at the same moment (instances starting together import
     * the same problem set): the loser's append of the first event collides with the winner's, and the
     * loser's command runs again on the stored aggregate instead of failing.
     */
    @Test
    void racingCreationsOfOneAggregateBothSucceed() throws Exception {
        String database = EmbeddedInfrastructureExtension.newDatabase("shared_store_create_it");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ConfigurableApplicationContext first = start(database, "a"); ConfigurableApplicationContext second = start(database, "b")) {
            List<CommandGateway> instances = List.of(first.getBean(CommandGateway.class), second.getBean(CommandGateway.class));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            for (int round = 0; round < 10; round++) {
                ImportProblemCommand command = new ImportProblemCommand(ProblemId.of("race-" + UUID.randomUUID()), "hash-1",
                        new ProblemDefinition("Race", 1, List.of("math"), 1000, 256, CheckerSpec.TOKENS, Set.of(MatchMode.BLITZ),
                                "Print the input.", "race/v1/tests", 1, null));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Long>> imports = new ArrayList<>();
                for (CommandGateway instance : instances) {
                    imports.add(pool.submit(() -> {
                        start.await();
                        return instance.<Long>sendAndWait(command);
                    }));
                }
                start.countDown();
                for (Future<Long> result : imports) {
                    assertThat(result.get(30, TimeUnit.SECONDS)).as("version after the import in round " + round).isEqualTo(1L);
                }
                assertThat(jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                        command.problemId().value())).as("the problem's events in round " + round).containsExactly(0L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, String> judged(ConfigurableApplicationContext context, MatchId match) {
        return context.getBean(JdbcTemplate.class).queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%.SubmissionJudged' ORDER BY sequencenumber",
                String.class, match.value()).stream()
                .collect(java.util.stream.Collectors.toMap(
                        json -> json.replaceAll(".*\"submissionId\":\"([^\"]+)\".*", "$1"),
                        json -> json.replaceAll(".*\"verdict\":\"([A-Z]+)\".*", "$1")));
    }

    private static List<String> eventTypes(ConfigurableApplicationContext context, MatchId match) {
        return context.getBean(JdbcTemplate.class).queryForList(
                        "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                        String.class, match.value()).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static void awaitEvent(ConfigurableApplicationContext context, MatchId match, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (eventTypes(context, match).contains(type)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("timed out waiting for " + type);
    }

    private static ConfigurableApplicationContext start(String databaseUrl, String instance) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .run("--codearena.postgres.url=" + databaseUrl, "--codearena.judging.consumer-name=shared-" + instance,
                        "--spring.main.banner-mode=off");
    }
}
