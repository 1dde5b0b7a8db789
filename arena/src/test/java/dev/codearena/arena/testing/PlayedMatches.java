package dev.codearena.arena.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.codearena.api.judge.Language;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionOutcome;
import dev.codearena.api.match.SubmitSabotageCommand;
import dev.codearena.api.match.SubmitSolutionCommand;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.arena.ArenaApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Matches played through the command bus of a one-process arena with the real judge: start the
 * arena on a small problem set, wait for its catalogue, submit, and read what the match's events say.
 */
public final class PlayedMatches {

    public static final String CARD_CHECK = "card-check";
    public static final String CLOCK_ANGLE = "clock-angle";
    public static final String LEAP_DAYS = "leap-days";

    private PlayedMatches() {
    }

    /** Copies these problems of the repository's {@code problems/} into {@code dataDirectory/problem-set}. */
    public static Path copyOfProblems(Path dataDirectory, String... slugs) throws IOException {
        Path root = Files.createDirectories(dataDirectory.resolve("problem-set"));
        for (String slug : slugs) {
            FileSystemUtils.copyRecursively(Path.of("..", "problems", slug), root.resolve(slug));
        }
        return root;
    }

    /** An arena on its own database and data directory, judging with two local sandboxes. */
    public static ConfigurableApplicationContext startArena(String database, Path dataDirectory, Path problems, String judgeConsumer) {
        return new SpringApplicationBuilder(ArenaApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--codearena.postgres.url=" + database,
                "--codearena.data-dir=" + dataDirectory,
                "--codearena.problems.dir=" + problems,
                "--codearena.judging.consumer-name=" + judgeConsumer,
                "--codearena.judge.queue.consumers=2",
                "--codearena.judge.queue.visibility-timeout=5s");
    }

    /** Waits until the catalogue loader has imported the three problems. */
    public static void awaitCatalogue(ConfigurableApplicationContext arena) {
        EventStore events = arena.getBean(EventStore.class);
        await("the catalogue loader imports the problems").atMost(Duration.ofSeconds(120)).until(() -> List.of(CARD_CHECK, CLOCK_ANGLE, LEAP_DAYS)
                .stream().allMatch(slug -> events.readEvents(slug).asStream().findAny().isPresent()));
    }

    /** The mode's defaults, starting at once and without the interval between submissions. */
    public static MatchSettings quick(MatchMode mode) {
        return MatchSettings.defaults(mode).withStartDelaySeconds(0).withSubmitIntervalMs(0);
    }

    public static void submit(CommandGateway commands, MatchId match, SubmissionId id, PlayerId player, String problem,
                              Language language, String source) {
        SubmissionOutcome outcome = commands.sendAndWait(new SubmitSolutionCommand(match, id, player, ProblemId.of(problem), language, source));
        assertThat(outcome.accepted()).as("%s received: %s", id, outcome).isTrue();
    }

    public static void sabotage(CommandGateway commands, MatchId match, SubmissionId id, PlayerId player, String source) {
        SubmissionOutcome outcome = commands.sendAndWait(new SubmitSabotageCommand(match, id, player, source));
        assertThat(outcome.accepted()).as("%s received: %s", id, outcome).isTrue();
    }

    /** The payloads of an aggregate's events, in order. */
    public static List<Object> payloads(EventStore store, String aggregate) {
        return store.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    public static <T> List<T> events(ConfigurableApplicationContext arena, MatchId match, Class<T> type) {
        return payloads(arena.getBean(EventStore.class), match.value()).stream().filter(type::isInstance).map(type::cast).toList();
    }

    public static void awaitEvent(ConfigurableApplicationContext arena, MatchId match, Class<?> type) {
        await(match + " " + type.getSimpleName()).atMost(Duration.ofSeconds(30)).until(() -> !events(arena, match, type).isEmpty());
    }
}
