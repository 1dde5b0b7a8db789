package dev.codearena.command.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.SubmissionId;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Judging on the real PostgreSQL event store and Redis, with nobody answering the jobs: a submission
 * becomes one job; without a result it is sent again with the next attempt — also when the process
 * restarts in between (the pending job and the timeout sweep are persistent) — and after the last
 * attempt the submission is recorded as IE, once. A result in time closes the job: no retry.
 */
@EmbeddedInfrastructureTest
class JudgeJobsIntegrationTest {

    static final ProblemId PROBLEM = ProblemId.of("judging-problem");

    @Test
    void jobWithoutResultIsRetriedAcrossARestartThenRecordedAsInternalError() throws Exception {
        String database = EmbeddedInfrastructureExtension.newDatabase("judging_it");
        String run = UUID.randomUUID().toString().substring(0, 8);
        MatchId match = MatchId.of("judging-" + run);
        PlayerId alice = PlayerId.of("alice-" + run);
        SubmissionId unanswered = SubmissionId.of("unanswered-" + run);
        SubmissionId answered = SubmissionId.of("answered-" + run);

        try (ConfigurableApplicationContext first = start(database, "first")) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            runningMatch(commands, first, match, alice, PlayerId.of("bob-" + run));
            commands.sendAndWait(new SubmitSolutionCommand(match, unanswered, alice, PROBLEM, Language.PYTHON3, "print(1)"));
            await("the first attempt is on the jobs stream", Duration.ofSeconds(20), () -> attempts(first, unanswered).size() == 1);
            assertThat(pending(first)).isEqualTo(1);
        } // stopped before the result is due (6 s)

        try (ConfigurableApplicationContext second = start(database, "second")) {
            CommandGateway commands = second.getBean(CommandGateway.class);
            await("the restarted process sends the second attempt", Duration.ofSeconds(30),
                    () -> attempts(second, unanswered).size() == 2);
            assertThat(attempts(second, unanswered)).containsExactly(1, 2);

            await("IE after the last attempt", Duration.ofSeconds(30), () -> judged(second, match).size() == 1);
            assertThat(judged(second, match).get(0)).contains("\"verdict\":\"IE\"").contains("after 2 attempts");
            await("the job is closed", Duration.ofSeconds(10), () -> pending(second) == 0);

            commands.sendAndWait(new SubmitSolutionCommand(match, answered, alice, PROBLEM, Language.PYTHON3, "print(2)"));
            await("the job is on the stream", Duration.ofSeconds(20), () -> attempts(second, answered).size() == 1);
            commands.sendAndWait(new RecordVerdictCommand(match, answered, Verdict.WA, true, 0, 1, null, 1));
            await("the verdict closes the job", Duration.ofSeconds(10), () -> pending(second) == 0);
            Thread.sleep(8_000); // longer than the timeout plus a sweep
            assertThat(attempts(second, answered)).as("no retry after a verdict").containsExactly(1);
            assertThat(attempts(second, unanswered)).as("no third attempt").containsExactly(1, 2);
            assertThat(judged(second, match)).as("one verdict per submission").hasSize(2);
        }
    }

    private static void runningMatch(CommandGateway commands, ConfigurableApplicationContext context, MatchId match,
                                     PlayerId a, PlayerId b) throws InterruptedException {
        commands.sendAndWait(new ImportProblemCommand(PROBLEM, "judging-1", new ProblemDefinition("Judging", 1, List.of(), 1000,
                256, CheckerSpec.TOKENS, Set.of(MatchMode.BLITZ), "", "judging/v1/tests", 1, null)));
        commands.sendAndWait(new RegisterPlayerCommand(a, "h" + a.value().replace("-", ""), PlayerClass.HACKER));
        commands.sendAndWait(new RegisterPlayerCommand(b, "h" + b.value().replace("-", ""), PlayerClass.HACKER));
        MatchSettings settings = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100))
                .withStartDelaySeconds(0).withSubmitIntervalMs(0);
        commands.sendAndWait(new CreateMatchCommand(match, MatchMode.BLITZ, settings, List.of(a, b), List.of(PROBLEM)));
        await("the match starts", Duration.ofSeconds(20), () -> events(context, match, "MatchStarted").size() == 1);
    }

    private static ConfigurableApplicationContext start(String database, String instance) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .run("--codearena.postgres.url=" + database, "--spring.main.banner-mode=off",
                        "--codearena.judging.results-listener.enabled=false", "--codearena.judging.consumer-name=judging-it-" + instance,
                        "--codearena.judging.result-timeout=PT6S", "--codearena.judging.max-attempts=2",
                        "--codearena.judging.sweep-interval=PT0.5S");
    }

    /** Attempt numbers of the jobs on the stream for this submission, in stream order. */
    private static List<Integer> attempts(ConfigurableApplicationContext context, SubmissionId submission) {
        ObjectMapper json = context.getBean(ObjectMapper.class);
        var records = context.getBean(StringRedisTemplate.class).opsForStream().range(JudgeChannels.JOBS, Range.unbounded());
        return records == null ? List.of() : records.stream()
                .map(r -> read(json, String.valueOf(r.getValue().get(JudgeChannels.FIELD_JSON))))
                .filter(job -> job.submissionId().equals(submission.value()))
                .map(JudgeJob::attempt).toList();
    }

    private static JudgeJob read(ObjectMapper json, String body) {
        try {
            return json.readValue(body, JudgeJob.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int pending(ConfigurableApplicationContext context) {
        Integer n = context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM judge_jobs", Integer.class);
        return n == null ? 0 : n;
    }

    private static List<String> judged(ConfigurableApplicationContext context, MatchId match) {
        return events(context, match, "SubmissionJudged");
    }

    private static List<String> events(ConfigurableApplicationContext context, MatchId match, String type) {
        return context.getBean(JdbcTemplate.class).queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber", String.class,
                match.value(), "%." + type);
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
