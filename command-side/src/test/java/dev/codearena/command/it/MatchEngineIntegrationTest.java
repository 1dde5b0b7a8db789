package dev.codearena.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.codearena.command.catalogue.ProblemCatalogueLoader;
import dev.codearena.problems.ProblemStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.springframework.util.FileSystemUtils;

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
            assertThatThrownBy(() -> commands.sendAndWait(new CreateMatchCommand(match, MatchMode.BLITZ, settings, List.of(alice, bob),
                    List.of(problem)))).isInstanceOfSatisfying(dev.codearena.api.error.CodeArenaException.class,
                    e -> assertThat(e.code()).isEqualTo(dev.codearena.api.error.ErrorCode.MATCH_ALREADY_EXISTS));
            assertThatThrownBy(() -> commands.sendAndWait(new CreateMatchCommand(MatchId.of("other-" + run), MatchMode.BLITZ, settings,
                    List.of(alice, PlayerId.of("nobody-" + run)), List.of(problem)))).isInstanceOfSatisfying(
                    dev.codearena.api.error.CodeArenaException.class,
                    e -> assertThat(e.code()).isEqualTo(dev.codearena.api.error.ErrorCode.PLAYER_NOT_FOUND));
            assertThat(eventTypes(first, problem.value())).containsExactly("ProblemVersionPublished");

            loadCatalogueTwiceThenChangeIt(commands, first);
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
            assertThat(second.getBean(MeterRegistry.class).get("elo_matches_rated").gauge().value()).isEqualTo(1.0);
            assertThat(second.getBean(MeterRegistry.class).get("elo_calculation_drift").gauge().value()).isZero();
        }
    }

    /**
     * Golf, Battle Royale and Sabotage through the command bus with verdicts from the results stream:
     * each plays to its end without waiting for a timer (early ends: forfeit, everybody solved, both
     * repaired), and sabotage validation goes through the judge like any job.
     */
    @Test
    void golfBattleRoyaleAndSabotagePlayToTheirEnd() throws Exception {
        String database = EmbeddedInfrastructureExtension.newDatabase("engine_modes");
        String run = UUID.randomUUID().toString().substring(0, 8);
        PlayerId a = PlayerId.of("a-" + run);
        PlayerId b = PlayerId.of("b-" + run);
        PlayerId c = PlayerId.of("c-" + run);
        ProblemId p1 = ProblemId.of("p1-" + run);
        ProblemId p2 = ProblemId.of("p2-" + run);
        try (ConfigurableApplicationContext context = start(database, "modes")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            for (PlayerId player : List.of(a, b, c)) {
                commands.sendAndWait(new RegisterPlayerCommand(player, "h" + player.value().replace("-", "_"), PlayerClass.SABOTEUR));
            }
            ProblemDefinition everyMode = new ProblemDefinition("Double it", 1, List.of(), 1000, 256, CheckerSpec.TOKENS,
                    Set.of(MatchMode.values()), "", "double/v1/tests", 3,
                    new dev.codearena.api.match.ReferenceSolution(Language.PYTHON3, "n = int(input())\nprint(n * 2)\n"));
            commands.sendAndWait(new ImportProblemCommand(p1, "h1", everyMode));
            commands.sendAndWait(new ImportProblemCommand(p2, "h2", everyMode));

            MatchId golf = MatchId.of("golf-" + run);
            MatchId royale = MatchId.of("royale-" + run);
            MatchId sabotage = MatchId.of("sabotage-" + run);
            StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
            List<ResultInjector> judges = List.of(
                    new ResultInjector(redis, golf.value(), ResultInjectorVerdicts::bySource),
                    new ResultInjector(redis, royale.value(), ResultInjectorVerdicts::bySource),
                    new ResultInjector(redis, sabotage.value(), ResultInjectorVerdicts::bySource));
            try {
                commands.sendAndWait(new CreateMatchCommand(golf, MatchMode.GOLF,
                        MatchSettings.defaults(MatchMode.GOLF).withStartDelaySeconds(0).withSubmitIntervalMs(0), List.of(a, b), List.of(p1)));
                commands.sendAndWait(new CreateMatchCommand(royale, MatchMode.BATTLE_ROYALE,
                        MatchSettings.defaults(MatchMode.BATTLE_ROYALE).withStartDelaySeconds(0).withSubmitIntervalMs(0).withPlayers(2, 16)
                                .withRoundSeconds(List.of(300, 240)), List.of(a, b, c), List.of(p1, p2)));
                commands.sendAndWait(new CreateMatchCommand(sabotage, MatchMode.SABOTAGE,
                        MatchSettings.defaults(MatchMode.SABOTAGE).withStartDelaySeconds(0).withSubmitIntervalMs(0), List.of(a, b), List.of(p1)));
                for (MatchId match : List.of(golf, royale, sabotage)) {
                    await(match + " started", Duration.ofSeconds(20), () -> eventTypes(context, match.value()).contains("MatchStarted"));
                }

                // Golf: two lengths, then b gives up
                submit(commands, golf, "g1", a, p1, "print(int(input())*2)");
                submit(commands, golf, "g2", b, p1, "print(2*int(input()))  # longer");
                await("golf verdicts", Duration.ofSeconds(15), () -> count(context, golf, "GolfBestImproved") == 2);
                commands.sendAndWait(new dev.codearena.api.match.ForfeitMatchCommand(golf, b));

                // Battle Royale: round 1 all solve (slowest, c, out), round 2 only a solves
                submit(commands, royale, "r1a", a, p1, "print(1)");
                submit(commands, royale, "r1b", b, p1, "print(2)");
                await("a and b solved", Duration.ofSeconds(15), () -> count(context, royale, "ProblemSolved") == 2);
                submit(commands, royale, "r1c", c, p1, "print(3)");
                await("round 2", Duration.ofSeconds(15), () -> eventTypes(context, royale.value()).contains("RoundStarted")
                        && count(context, royale, "RoundStarted") == 2);
                submit(commands, royale, "r2a", a, p2, "print(4)");
                submit(commands, royale, "r2b", b, p2, "print('WRONG')");
                await("b judged", Duration.ofSeconds(15), () -> count(context, royale, "SubmissionJudged") == 5);
                submit(commands, royale, "r2b2", b, p2, "print(5)");

                // Sabotage: a's first sabotage does not compile, the second is accepted; both repair
                SubmissionOutcome refusedAtOnce = commands.sendAndWait(new dev.codearena.api.match.SubmitSabotageCommand(sabotage,
                        SubmissionId.of("sab-a0-" + run), a, "import os\nn = 0\nm = 1\nprint(n)\nprint(m)\n"));
                assertThat(refusedAtOnce.refusal()).isEqualTo(dev.codearena.api.error.ErrorCode.SABOTAGE_EDIT_BUDGET_EXCEEDED);
                sabotage(commands, sabotage, "sab-a1", a, "n = int(input()\nprint(n * 2)  # SYNTAX\n");
                sabotage(commands, sabotage, "sab-b1", b, "n = int(input())\nprint(n * 2 + 1)  # WRONG\n");
                await("a's sabotage refused by the judge", Duration.ofSeconds(15),
                        () -> count(context, sabotage, "SabotageRefused") == 2 && count(context, sabotage, "SabotageAccepted") == 1);
                sabotage(commands, sabotage, "sab-a2", a, "n = int(input())\nprint(n * 3)  # WRONG\n");
                await("repair phase", Duration.ofSeconds(15), () -> eventTypes(context, sabotage.value()).contains("RepairPhaseStarted"));
                submit(commands, sabotage, "fix-a", a, p1, "n = int(input())\nprint(n * 2)\n");
                submit(commands, sabotage, "fix-b", b, p1, "n = int(input())\nprint(n + n)\n");

                for (MatchId match : List.of(golf, royale, sabotage)) {
                    await(match + " finalised", Duration.ofSeconds(20), () -> eventTypes(context, match.value()).contains("MatchFinalised"));
                }
            } finally {
                for (ResultInjector judge : judges) {
                    judge.close();
                }
            }
            assertThat(ended(context, golf)).contains("\"reason\":\"FORFEIT\"");
            assertThat(ended(context, royale)).contains("\"reason\":\"LAST_PLAYER_STANDING\"")
                    .contains("{\"playerId\":\"" + a + "\",\"place\":1");
            assertThat(eventTypes(context, royale.value())).filteredOn("PlayerEliminated"::equals).hasSize(2);
            assertThat(ended(context, sabotage)).contains("\"reason\":\"ALL_REPAIRED\"");
            assertThat(count(context, sabotage, "RepairSucceeded")).isEqualTo(2);
            assertThat(context.getBean(MeterRegistry.class).get("elo_matches_rated").gauge().value()).isEqualTo(3.0);
            assertThat(context.getBean(MeterRegistry.class).get("elo_calculation_drift").gauge().value()).isZero();
        }
    }

    private static void submit(CommandGateway commands, MatchId match, String id, PlayerId player, ProblemId problem, String source) {
        SubmissionOutcome outcome = commands.sendAndWait(new SubmitSolutionCommand(match, SubmissionId.of(id + "-" + match),
                player, problem, Language.PYTHON3, source));
        assertThat(outcome.accepted()).as(id + " " + outcome).isTrue();
    }

    private static void sabotage(CommandGateway commands, MatchId match, String id, PlayerId player, String source) {
        SubmissionOutcome outcome = commands.sendAndWait(new dev.codearena.api.match.SubmitSabotageCommand(match,
                SubmissionId.of(id + "-" + match), player, source));
        assertThat(outcome.accepted()).as(id + " " + outcome).isTrue();
    }

    private static long count(ConfigurableApplicationContext context, MatchId match, String type) {
        return eventTypes(context, match.value()).stream().filter(type::equals).count();
    }

    private static String ended(ConfigurableApplicationContext context, MatchId match) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%.MatchEnded'", String.class, match.value());
    }

    /** The on-disk problem set goes into Problem aggregates idempotently; a changed directory is a new version. */
    private static void loadCatalogueTwiceThenChangeIt(CommandGateway commands, ConfigurableApplicationContext context) throws Exception {
        Path root = Files.createTempDirectory("catalogue-it");
        Path problems = Files.createDirectories(root.resolve("problems"));
        String slug = "clock-angle";
        FileSystemUtils.copyRecursively(Path.of("..", "problems", slug), problems.resolve(slug));
        ProblemCatalogueLoader loader = new ProblemCatalogueLoader(commands, problems, new ProblemStore(root.resolve("store")));
        assertThat(loader.load()).isEqualTo(1);
        assertThat(loader.load()).isEqualTo(1);
        assertThat(eventTypes(context, slug)).containsExactly("ProblemVersionPublished");
        Files.writeString(problems.resolve(slug).resolve("statement.md"), "\nA clarified statement.\n", StandardOpenOption.APPEND);
        loader.load();
        assertThat(eventTypes(context, slug)).containsExactly("ProblemVersionPublished", "ProblemVersionPublished");
        String latest = context.getBean(JdbcTemplate.class).queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 1", String.class, slug);
        assertThat(latest).contains("\"version\":2").contains("clock-angle/").contains("/tests").contains("A clarified statement");
        assertThat(Files.list(root.resolve("store").resolve(slug)).count()).as("one materialised test set per version").isEqualTo(2);
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
