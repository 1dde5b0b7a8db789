package dev.codearena.arena.matches;

import static dev.codearena.arena.testing.PlayedMatches.CARD_CHECK;
import static dev.codearena.arena.testing.PlayedMatches.CLOCK_ANGLE;
import static dev.codearena.arena.testing.PlayedMatches.LEAP_DAYS;
import static dev.codearena.arena.testing.PlayedMatches.awaitCatalogue;
import static dev.codearena.arena.testing.PlayedMatches.awaitEvent;
import static dev.codearena.arena.testing.PlayedMatches.copyOfProblems;
import static dev.codearena.arena.testing.PlayedMatches.events;
import static dev.codearena.arena.testing.PlayedMatches.quick;
import static dev.codearena.arena.testing.PlayedMatches.sabotage;
import static dev.codearena.arena.testing.PlayedMatches.startArena;
import static dev.codearena.arena.testing.PlayedMatches.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.GolfBestImproved;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchFinalised;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerEliminated;
import dev.codearena.api.match.ProblemLocked;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.match.RepairSucceeded;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.SabotageAccepted;
import dev.codearena.api.match.SabotageRefused;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.TimeUp;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.RegisterPlayerCommand;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One full match of each mode in the one-process arena: commands through the command bus, events in
 * the PostgreSQL event store, submissions judged by the real judge (local sandbox, real compilers and
 * interpreters) through the Redis job and result streams, problems imported from {@code problems/} by
 * the catalogue loader. The Golf match spans a restart: the arena stops right after a submission is
 * received and before its judge job is taken; a new arena on the same database, Redis and data
 * directory judges that submission once and ends the match once, by its persistent deadline.
 */
@EmbeddedInfrastructureTest
class FullMatchesWithRealJudgeTest {

    private static final Duration JUDGED = Duration.ofSeconds(90);

    @TempDir
    Path dataDirectory;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final PlayerId ada = PlayerId.of("ada-" + run);
    private final PlayerId bob = PlayerId.of("bob-" + run);
    private final PlayerId cyd = PlayerId.of("cyd-" + run);
    private String database;
    private Path problems;

    @Test
    void everyModePlaysToItsEndWithTheRealJudgeAcrossARestart() throws Exception {
        database = EmbeddedInfrastructureExtension.newDatabase("full_matches");
        problems = copyOfProblems(dataDirectory, CARD_CHECK, CLOCK_ANGLE, LEAP_DAYS);
        String cardCheck = Files.readString(problems.resolve(CARD_CHECK).resolve("solutions/ref.py"));
        // same program, shorter, with a two-byte character: the score must count bytes, not chars
        String golfed = cardCheck.replace("numbers", "ns").replace("\n\n\n", "\n") + "# é\n";
        MatchId golf = MatchId.of("golf-" + run);
        SubmissionId pendingAtStop = SubmissionId.of("golf-ada-wrong-" + run);

        try (ConfigurableApplicationContext first = startArena(database, dataDirectory, problems, "full-matches-first")) {
            awaitCatalogue(first);
            CommandGateway commands = first.getBean(CommandGateway.class);
            for (PlayerId player : List.of(ada, bob, cyd)) {
                commands.sendAndWait(new RegisterPlayerCommand(player, player.value().substring(0, 3) + "_" + run, PlayerClass.HACKER));
            }
            commands.sendAndWait(new CreateMatchCommand(golf, MatchMode.GOLF, quick(MatchMode.GOLF).withDurationSeconds(60),
                    List.of(ada, bob), List.of(ProblemId.of(CARD_CHECK))));
            awaitEvent(first, golf, MatchStarted.class);

            submit(commands, golf, SubmissionId.of("golf-ada-" + run), ada, CARD_CHECK, Language.PYTHON3, cardCheck);
            submit(commands, golf, SubmissionId.of("golf-bob-" + run), bob, CARD_CHECK, Language.PYTHON3, golfed);
            await("both golf solutions accepted").atMost(JUDGED).until(() -> events(first, golf, GolfBestImproved.class).size() == 2);
            assertThat(events(first, golf, GolfBestImproved.class)).extracting(GolfBestImproved::playerId, GolfBestImproved::bytes)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(ada, cardCheck.getBytes(StandardCharsets.UTF_8).length),
                            org.assertj.core.groups.Tuple.tuple(bob, golfed.getBytes(StandardCharsets.UTF_8).length));
            assertThat(golfed.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(golfed.length());

            // The judge is busy elsewhere (its consumer stopped), so this job is still queued when the arena stops.
            first.getBean("judgeQueueLifecycle", SmartLifecycle.class).stop();
            submit(commands, golf, pendingAtStop, ada, CARD_CHECK, Language.PYTHON3, "print('INVALID')\n");
            assertThat(events(first, golf, SubmissionReceived.class)).extracting(SubmissionReceived::submissionId).contains(pendingAtStop);
            assertThat(events(first, golf, SubmissionJudged.class)).hasSize(2);
            assertThat(events(first, golf, MatchEnded.class)).as("stopped before the end deadline").isEmpty();
        }

        try (ConfigurableApplicationContext second = startArena(database, dataDirectory, problems, "full-matches-second")) {
            CommandGateway commands = second.getBean(CommandGateway.class);
            playBlitz(second, commands);
            playBattleRoyale(second, commands, cardCheck);
            playSabotage(second, commands, cardCheck);

            await("golf ends by its deadline in the restarted arena").atMost(Duration.ofSeconds(150))
                    .until(() -> !events(second, golf, MatchFinalised.class).isEmpty());
            assertThat(events(second, golf, TimeUp.class)).hasSize(1);
            MatchEnded golfEnd = single(second, golf, MatchEnded.class);
            assertThat(golfEnd.reason()).isEqualTo(EndReason.TIME_UP);
            assertThat(events(second, golf, SubmissionJudged.class)).filteredOn(j -> j.submissionId().equals(pendingAtStop))
                    .as("the submission pending at the stop is judged exactly once, by the real judge")
                    .singleElement().extracting(SubmissionJudged::verdict).isEqualTo(Verdict.WA);
            assertThat(resultsOnStream(second, pendingAtStop)).as("one judge result for it on the results stream").isEqualTo(1);
            assertThat(golfEnd.standings()).extracting(Standing::playerId).containsExactly(bob, ada);
            assertRated(golfEnd, ada, bob);
            // the deadline does not fire again: still one end after the finalisation
            assertThat(events(second, golf, MatchEnded.class)).hasSize(1);
            EventStore store = second.getBean(EventStore.class);
            java.util.Map<PlayerId, Integer> ratedMatches = java.util.Map.of(ada, 4, bob, 4, cyd, 1);
            ratedMatches.forEach((player, matches) -> assertThat(store.readEvents(player.value()).asStream()
                    .map(DomainEventMessage::getPayload).filter(PlayerRatingChanged.class::isInstance))
                    .as("%s has a rating change per match", player).hasSize(matches));
        }
    }

    /** Ada's C++ does not compile; Bob's reference locks the only problem and ends the match. */
    private void playBlitz(ConfigurableApplicationContext arena, CommandGateway commands) throws IOException {
        MatchId blitz = MatchId.of("blitz-" + run);
        commands.sendAndWait(new CreateMatchCommand(blitz, MatchMode.BLITZ, quick(MatchMode.BLITZ).withProblemPoints(List.of(100))
                .withDurationSeconds(300), List.of(ada, bob), List.of(ProblemId.of(CLOCK_ANGLE))));
        awaitEvent(arena, blitz, MatchStarted.class);
        SubmissionId broken = SubmissionId.of("blitz-ada-" + run);
        SubmissionId reference = SubmissionId.of("blitz-bob-" + run);
        submit(commands, blitz, broken, ada, CLOCK_ANGLE, Language.CPP17, "int main( { return 0; }\n");
        submit(commands, blitz, reference, bob, CLOCK_ANGLE, Language.CPP17,
                Files.readString(problems.resolve(CLOCK_ANGLE).resolve("solutions/ref.cpp")));
        await("blitz finalised").atMost(JUDGED).until(() -> !events(arena, blitz, MatchFinalised.class).isEmpty());

        assertThat(verdicts(arena, blitz)).containsEntry(broken, Verdict.CE).containsEntry(reference, Verdict.AC);
        ProblemLocked lock = single(arena, blitz, ProblemLocked.class);
        assertThat(lock.playerId()).isEqualTo(bob);
        assertThat(lock.submissionId()).isEqualTo(reference);
        MatchEnded end = single(arena, blitz, MatchEnded.class);
        assertThat(end.reason()).isEqualTo(EndReason.ALL_PROBLEMS_LOCKED);
        assertThat(end.standings()).extracting(Standing::playerId).containsExactly(bob, ada);
        assertRated(end, ada, bob);
    }

    /**
     * Round 1: everybody solves, the slowest (Cyd) is out and the round ends early. Round 2: Bob's
     * answer is wrong; at the round's deadline he is out and Ada is the last one standing.
     */
    private void playBattleRoyale(ConfigurableApplicationContext arena, CommandGateway commands, String cardCheck) throws IOException {
        MatchId royale = MatchId.of("royale-" + run);
        commands.sendAndWait(new CreateMatchCommand(royale, MatchMode.BATTLE_ROYALE, quick(MatchMode.BATTLE_ROYALE).withPlayers(2, 16)
                .withRoundSeconds(List.of(60, 30)), List.of(ada, bob, cyd), List.of(ProblemId.of(CARD_CHECK), ProblemId.of(LEAP_DAYS))));
        awaitEvent(arena, royale, MatchStarted.class);
        for (PlayerId player : List.of(ada, bob, cyd)) {
            submit(commands, royale, SubmissionId.of("royale-1-" + player.value()), player, CARD_CHECK, Language.PYTHON3, cardCheck);
        }
        await("round 2").atMost(JUDGED).until(() -> events(arena, royale, RoundStarted.class).size() == 2);
        assertThat(single(arena, royale, PlayerEliminated.class).playerId()).isEqualTo(cyd);

        SubmissionId wrong = SubmissionId.of("royale-2-" + bob.value());
        SubmissionId right = SubmissionId.of("royale-2-" + ada.value());
        submit(commands, royale, wrong, bob, LEAP_DAYS, Language.PYTHON3, "print(0)\n");
        submit(commands, royale, right, ada, LEAP_DAYS, Language.PYTHON3,
                Files.readString(problems.resolve(LEAP_DAYS).resolve("solutions/ref.py")));
        await("royale finalised after round 2's deadline").atMost(JUDGED)
                .until(() -> !events(arena, royale, MatchFinalised.class).isEmpty());

        assertThat(verdicts(arena, royale)).containsEntry(wrong, Verdict.WA).containsEntry(right, Verdict.AC);
        assertThat(events(arena, royale, PlayerEliminated.class)).extracting(PlayerEliminated::playerId, PlayerEliminated::round)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(cyd, 1), org.assertj.core.groups.Tuple.tuple(bob, 2));
        MatchEnded end = single(arena, royale, MatchEnded.class);
        assertThat(end.reason()).isEqualTo(EndReason.LAST_PLAYER_STANDING);
        assertThat(end.standings()).extracting(Standing::playerId).containsExactly(ada, bob, cyd);
        assertRated(end, ada, bob, cyd);
    }

    /**
     * A sabotage that still passes every test is refused by the judge, one that fails a test is
     * accepted; each player repairs the other's sabotage with an Accepted solution.
     */
    private void playSabotage(ConfigurableApplicationContext arena, CommandGateway commands, String cardCheck) {
        MatchId sabotage = MatchId.of("sabotage-" + run);
        commands.sendAndWait(new CreateMatchCommand(sabotage, MatchMode.SABOTAGE, quick(MatchMode.SABOTAGE).withPhases(120, 120, 3),
                List.of(ada, bob), List.of(ProblemId.of(CARD_CHECK))));
        awaitEvent(arena, sabotage, MatchStarted.class);
        SubmissionId harmless = SubmissionId.of("sab-ada-harmless-" + run);
        sabotage(commands, sabotage, harmless, ada, cardCheck.replace("total = 0", "total = 0 * 1"));
        await("the harmless sabotage judged").atMost(JUDGED).until(() -> !events(arena, sabotage, SabotageRefused.class).isEmpty());
        assertThat(single(arena, sabotage, SabotageRefused.class)).satisfies(refused -> {
            assertThat(refused.submissionId()).isEqualTo(harmless);
            assertThat(refused.reason()).isEqualTo(ErrorCode.SABOTAGE_PASSES_ALL_TESTS);
        });
        sabotage(commands, sabotage, SubmissionId.of("sab-ada-" + run), ada, cardCheck.replace("total % 10 == 0", "total % 10 == 1"));
        sabotage(commands, sabotage, SubmissionId.of("sab-bob-" + run), bob, cardCheck.replace("digit -= 9", "digit -= 8"));
        await("repair phase").atMost(JUDGED).until(() -> !events(arena, sabotage, RepairPhaseStarted.class).isEmpty());
        assertThat(events(arena, sabotage, SabotageAccepted.class)).extracting(SabotageAccepted::playerId).containsExactlyInAnyOrder(ada, bob);

        submit(commands, sabotage, SubmissionId.of("fix-ada-" + run), ada, CARD_CHECK, Language.PYTHON3, cardCheck);
        await("ada's repair").atMost(JUDGED).until(() -> !events(arena, sabotage, RepairSucceeded.class).isEmpty());
        submit(commands, sabotage, SubmissionId.of("fix-bob-" + run), bob, CARD_CHECK, Language.PYTHON3, cardCheck);
        await("sabotage finalised").atMost(JUDGED).until(() -> !events(arena, sabotage, MatchFinalised.class).isEmpty());
        List<RepairSucceeded> repairs = events(arena, sabotage, RepairSucceeded.class);
        assertThat(repairs).extracting(RepairSucceeded::playerId, RepairSucceeded::saboteurId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ada, bob), org.assertj.core.groups.Tuple.tuple(bob, ada));
        MatchEnded end = single(arena, sabotage, MatchEnded.class);
        assertThat(end.reason()).isEqualTo(EndReason.ALL_REPAIRED);
        // the earlier repair has more time left, so at least as many points; equal points are a draw
        assertThat(repairs.get(0).points()).isGreaterThanOrEqualTo(repairs.get(1).points());
        assertThat(end.standings()).extracting(Standing::playerId, Standing::place).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ada, 1),
                org.assertj.core.groups.Tuple.tuple(bob, repairs.get(0).points() > repairs.get(1).points() ? 2 : 1));
        assertRated(end, ada, bob);
    }

    /** Every player's rating change is in the end event, they sum to zero, and each Player records it. */
    private static void assertRated(MatchEnded end, PlayerId... players) {
        assertThat(end.standings()).extracting(Standing::playerId).containsExactlyInAnyOrder(players);
        assertThat(end.ratingChanges()).extracting(RatingChange::playerId).containsExactlyInAnyOrder(players);
        assertThat(end.ratingChanges().stream().mapToInt(change -> change.after() - change.before()).sum())
                .as("rating changes of %s sum to zero", end.matchId()).isZero();
        boolean decided = end.standings().stream().mapToInt(Standing::place).distinct().count() > 1;
        if (decided) {
            assertThat(end.ratingChanges()).as("a decided match moves ratings")
                    .anySatisfy(change -> assertThat(change.after()).isNotEqualTo(change.before()));
        }
    }

    private static java.util.Map<SubmissionId, Verdict> verdicts(ConfigurableApplicationContext arena, MatchId match) {
        return events(arena, match, SubmissionJudged.class).stream()
                .collect(java.util.stream.Collectors.toMap(SubmissionJudged::submissionId, SubmissionJudged::verdict));
    }

    private static <T> T single(ConfigurableApplicationContext arena, MatchId match, Class<T> type) {
        List<T> found = events(arena, match, type);
        assertThat(found).as("%s of %s", type.getSimpleName(), match).hasSize(1);
        return found.get(0);
    }

    private static long resultsOnStream(ConfigurableApplicationContext arena, SubmissionId submission) {
        return arena.getBean(StringRedisTemplate.class).opsForStream().range(JudgeChannels.RESULTS, Range.unbounded()).stream()
                .filter(record -> String.valueOf(record.getValue().get(JudgeChannels.FIELD_JSON)).contains("\"" + submission.value() + "\""))
                .count();
    }

}
