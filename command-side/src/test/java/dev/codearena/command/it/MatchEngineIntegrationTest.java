package dev.codearena.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
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
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The match engine on the real PostgreSQL event store and real Redis streams: players and a problem
 * are registered, a Blitz match is created through the command bus, the process stops before the
 * match starts, and the start deadline fires in the next process. Submissions become judge jobs on
 * the jobs stream; results injected on the results stream become verdicts (one per submission, even
 * when a result is delivered twice); the lock ends the match, and the finalisation saga records the
 * rating changes on both players.
 */
@EmbeddedInfrastructureTest
class MatchEngineIntegrationTest {

    @Test
    void blitzMatchPlayedThroughTheCommandBusAcrossARestart() throws Exception {
        String database = EmbeddedInfrastructureExtension.newDatabase("engine_it");
        String run = UUID.randomUUID().toString().substring(0, 8);
        PlayerId alice = PlayerId.of("alice-" + run);
        PlayerId bob = PlayerId.of("bob-" + run);
        ProblemId problem = ProblemId.of("double-" + run);
        MatchId match = MatchId.of("match-" + run);
        MatchSettings settings = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100)).withStartDelaySeconds(4);

        try (ConfigurableApplicationContext first = start(database, "first")) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new RegisterPlayerCommand(alice, "alice_" + run, PlayerClass.HACKER));
            commands.sendAndWait(new RegisterPlayerCommand(bob, "bob_" + run, PlayerClass.GOLFER));
            Long version = commands.sendAndWait(new ImportProblemCommand(problem, "hash-1", definition()));
            assertThat(version).isEqualTo(1L);
            assertThat((Long) commands.sendAndWait(new ImportProblemCommand(problem, "hash-1", definition())))
                    .as("re-import of unchanged content").isEqualTo(1L);
            commands.sendAndWait(new CreateMatchCommand(match, MatchMode.BLITZ, settings, List.of(alice, bob), List.of(problem)));
            assertThat(eventTypes(first, match.value())).containsExactly("MatchCreated");
            assertThat(eventTypes(first, problem.value())).containsExactly("ProblemVersionPublished");
        } // stopped before the start deadline (4 s) fires

        try (ConfigurableApplicationContext second = start(database, "second")) {
            CommandGateway commands = second.getBean(CommandGateway.class);
            await("the start deadline fires in the restarted process", Duration.ofSeconds(20),
                    () -> eventTypes(second, match.value()).contains("MatchStarted"));

            StringRedisTemplate redis = second.getBean(StringRedisTemplate.class);
            try (ResultInjector judge = new ResultInjector(redis, match.value(),
                    job -> job.source().contains("WRONG") ? Verdict.WA : Verdict.AC)) {
                SubmissionOutcome wrong = commands.sendAndWait(new SubmitSolutionCommand(match, SubmissionId.of("a1-" + run), alice,
                        problem, Language.PYTHON3, "print('WRONG')"));
                assertThat(wrong.accepted()).isTrue();
                await("verdict for alice", Duration.ofSeconds(15),
                        () -> eventTypes(second, match.value()).contains("SubmissionJudged"));

                SubmissionOutcome locked = commands.sendAndWait(new SubmitSolutionCommand(match, SubmissionId.of("b1-" + run), bob,
                        problem, Language.PYTHON3, "print(int(input()) * 2)"));
                assertThat(locked.accepted()).isTrue();
                await("the match is finalised", Duration.ofSeconds(20),
                        () -> eventTypes(second, match.value()).contains("MatchFinalised"));

                assertThat(eventTypes(second, match.value())).containsExactly("MatchCreated", "MatchStarted",
                        "SubmissionReceived", "SubmissionJudged", "SubmissionReceived", "SubmissionJudged", "ProblemSolved",
                        "ProblemLocked", "MatchEnded", "MatchFinalised");
                JudgeJob first = judge.jobs.get(0);
                assertThat(first.problemId()).isEqualTo(problem.value());
                assertThat(first.problemVersion()).isEqualTo(1);
                assertThat(first.testsDir()).isEqualTo("double/v1/tests");
                assertThat(first.attempt()).isEqualTo(1);

                // at-least-once delivery: the same result again changes nothing
                judge.answer(judge.jobs.get(1), Verdict.WA);
                Thread.sleep(1_500);
                assertThat(eventTypes(second, match.value())).filteredOn("SubmissionJudged"::equals).hasSize(2);
                assertThat(second.getBean(StringRedisTemplate.class).opsForStream()
                        .pending(dev.codearena.api.judge.JudgeChannels.RESULTS, dev.codearena.api.judge.JudgeChannels.RESULT_GROUP)
                        .getTotalPendingMessages()).as("every result acknowledged").isZero();
            }

            assertThat(eventTypes(second, alice.value())).containsExactly("PlayerRegistered", "PlayerRatingChanged");
            assertThat(eventTypes(second, bob.value())).containsExactly("PlayerRegistered", "PlayerRatingChanged");
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            String bobChange = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%PlayerRatingChanged'", String.class, bob.value());
            // both provisional at 1500: the winner gains K/2 = 20
            assertThat(bobChange).contains("\"before\":1500").contains("\"after\":1520");
            assertThat(second.getBean(MeterRegistry.class).get("elo_calculation_drift").gauge().value()).isZero();
        }
    }

    private static ProblemDefinition definition() {
        return new ProblemDefinition("Double it", 1, List.of("math"), 1000, 256, CheckerSpec.TOKENS, Set.of(MatchMode.BLITZ),
                "Print twice the input.", "double/v1/tests", 3, null);
    }

    private static ConfigurableApplicationContext start(String databaseUrl, String instance) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .run("--codearena.postgres.url=" + databaseUrl, "--codearena.judging.consumer-name=it-" + instance,
                        "--spring.main.banner-mode=off");
    }

    private static List<String> eventTypes(ConfigurableApplicationContext context, String aggregateId) {
        return context.getBean(JdbcTemplate.class).queryForList(
                        "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                        String.class, aggregateId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("timed out after " + timeout + " waiting until " + what);
    }
}
