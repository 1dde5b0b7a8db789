package dev.codearena.arena.query;

import static dev.codearena.arena.testing.PlayedMatches.CARD_CHECK;
import static dev.codearena.arena.testing.PlayedMatches.CLOCK_ANGLE;
import static dev.codearena.arena.testing.PlayedMatches.LEAP_DAYS;
import static dev.codearena.arena.testing.PlayedMatches.awaitCatalogue;
import static dev.codearena.arena.testing.PlayedMatches.awaitEvent;
import static dev.codearena.arena.testing.PlayedMatches.copyOfProblems;
import static dev.codearena.arena.testing.PlayedMatches.events;
import static dev.codearena.arena.testing.PlayedMatches.payloads;
import static dev.codearena.arena.testing.PlayedMatches.quick;
import static dev.codearena.arena.testing.PlayedMatches.startArena;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.clan.ClanId;
import dev.codearena.api.clan.CreateClanCommand;
import dev.codearena.api.clan.InviteToClanCommand;
import dev.codearena.api.clan.JoinClanCommand;
import dev.codearena.api.judge.Language;
import dev.codearena.api.live.LiveKeys;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchFinalised;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerEliminated;
import dev.codearena.api.match.ProblemLocked;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.SabotageRefused;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.api.player.RegisterPlayerCommand;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.problem.ProblemVersionPublished;
import dev.codearena.arena.testing.PlayedMatches;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.auth.AuthenticatedPlayer;
import dev.codearena.command.auth.Role;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import dev.codearena.query.testing.QueryTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The query side fed by real matches: players, a clan and one match of every mode (Blitz, Golf, Battle Royale
 * with eliminations, Sabotage with a refused and two accepted sabotages) played through the command bus in the
 * one-process arena, submissions judged by the real judge on the local sandbox. Then: every read model shows
 * what the stored events say; an admin (a JWT with the ADMIN role issued by command-side, verified by
 * query-side) rebuilds all read models and every table is identical row by row, and every live view too; an
 * auditor replay of every match agrees with its recorded result, and a replay up to event N shows the state
 * after exactly the events with sequence numbers 0..N-1.
 */
@EmbeddedInfrastructureTest
class ProjectionsOfPlayedMatchesTest {

    private static final Duration JUDGED = Duration.ofSeconds(150);
    private static final List<String> READ_MODELS = List.of("players", "matches", "clans", "problems", "live-views", "fair-play");

    @TempDir
    Path dataDirectory;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final PlayerId ada = PlayerId.of("ada-" + run);
    private final PlayerId bob = PlayerId.of("bob-" + run);
    private final PlayerId cyd = PlayerId.of("cyd-" + run);
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private Path problems;

    @Test
    void projectionsShowWhatPlayedMatchesSayAndARebuildChangesNothing() throws Exception {
        problems = copyOfProblems(dataDirectory, CARD_CHECK, CLOCK_ANGLE, LEAP_DAYS);
        String cardCheck = Files.readString(problems.resolve(CARD_CHECK).resolve("solutions/ref.py"));
        MatchId blitz = MatchId.of("q-blitz-" + run);
        MatchId golf = MatchId.of("q-golf-" + run);
        MatchId royale = MatchId.of("q-royale-" + run);
        MatchId sabotage = MatchId.of("q-sabotage-" + run);
        List<MatchId> matches = List.of(blitz, golf, royale, sabotage);

        try (ConfigurableApplicationContext arena = startArena(EmbeddedInfrastructureExtension.newDatabase("projections"), dataDirectory, problems, "projections-" + run)) {
            awaitCatalogue(arena);
            CommandGateway commands = arena.getBean(CommandGateway.class);
            for (PlayerId player : List.of(ada, bob, cyd)) {
                commands.sendAndWait(new RegisterPlayerCommand(player, player.value().substring(0, 3) + "_" + run, PlayerClass.HACKER));
            }
            ClanId clan = ClanId.of("clan-" + run);
            commands.sendAndWait(new CreateClanCommand(clan, "Query Testers " + run.substring(0, 4), "QT", ada));
            commands.sendAndWait(new InviteToClanCommand(clan, ada, bob));
            commands.sendAndWait(new JoinClanCommand(clan, bob));

            // All four at once: the Golf and Battle Royale deadlines run while the others are judged.
            commands.sendAndWait(new CreateMatchCommand(golf, MatchMode.GOLF, quick(MatchMode.GOLF).withDurationSeconds(60),
                    List.of(ada, bob), List.of(ProblemId.of(CARD_CHECK))));
            commands.sendAndWait(new CreateMatchCommand(royale, MatchMode.BATTLE_ROYALE, quick(MatchMode.BATTLE_ROYALE)
                    .withPlayers(2, 16).withRoundSeconds(List.of(90, 30)), List.of(ada, bob, cyd),
                    List.of(ProblemId.of(CARD_CHECK), ProblemId.of(LEAP_DAYS))));
            commands.sendAndWait(new CreateMatchCommand(blitz, MatchMode.BLITZ, quick(MatchMode.BLITZ).withProblemPoints(List.of(100))
                    .withDurationSeconds(300), List.of(ada, bob), List.of(ProblemId.of(CLOCK_ANGLE))));
            commands.sendAndWait(new CreateMatchCommand(sabotage, MatchMode.SABOTAGE, quick(MatchMode.SABOTAGE).withPhases(150, 150, 3),
                    List.of(ada, bob), List.of(ProblemId.of(CARD_CHECK))));
            matches.forEach(match -> awaitEvent(arena, match, MatchStarted.class));

            // Golf: both accepted, Bob's shorter.
            submit(commands, golf, "golf-ada", ada, CARD_CHECK, Language.PYTHON3, cardCheck);
            submit(commands, golf, "golf-bob", bob, CARD_CHECK, Language.PYTHON3, cardCheck.replace("numbers", "ns"));
            // Battle Royale round 1: everybody solves, the slowest (Cyd) is out.
            for (PlayerId player : List.of(ada, bob, cyd)) {
                submit(commands, royale, "royale-1-" + player.value(), player, CARD_CHECK, Language.PYTHON3, cardCheck);
            }
            // Blitz: Ada's C++ does not compile, Bob's reference locks the only problem.
            submit(commands, blitz, "blitz-ada", ada, CLOCK_ANGLE, Language.CPP17, "int main( { return 0; }\n");
            submit(commands, blitz, "blitz-bob", bob, CLOCK_ANGLE, Language.CPP17,
                    Files.readString(problems.resolve(CLOCK_ANGLE).resolve("solutions/ref.cpp")));
            // Sabotage: a harmless sabotage is refused, two breaking ones are accepted.
            sabotage(commands, sabotage, "sab-ada-harmless", ada, cardCheck.replace("total = 0", "total = 0 * 1"));
            await("the harmless sabotage judged").atMost(JUDGED).until(() -> !events(arena, sabotage, SabotageRefused.class).isEmpty());
            sabotage(commands, sabotage, "sab-ada", ada, cardCheck.replace("total % 10 == 0", "total % 10 == 1"));
            sabotage(commands, sabotage, "sab-bob", bob, cardCheck.replace("digit -= 9", "digit -= 8"));

            await("royale round 2").atMost(JUDGED).until(() -> events(arena, royale, RoundStarted.class).size() == 2);
            submit(commands, royale, "royale-2-bob", bob, LEAP_DAYS, Language.PYTHON3, "print(0)\n");
            submit(commands, royale, "royale-2-ada", ada, LEAP_DAYS, Language.PYTHON3,
                    Files.readString(problems.resolve(LEAP_DAYS).resolve("solutions/ref.py")));

            await("sabotage repair phase").atMost(JUDGED).until(() -> !events(arena, sabotage, RepairPhaseStarted.class).isEmpty());
            submit(commands, sabotage, "fix-ada", ada, CARD_CHECK, Language.PYTHON3, cardCheck);
            submit(commands, sabotage, "fix-bob", bob, CARD_CHECK, Language.PYTHON3, cardCheck);

            for (MatchId match : matches) {
                await(match + " finalised").atMost(JUDGED).until(() -> !events(arena, match, MatchFinalised.class).isEmpty());
            }
            assertThat(events(arena, royale, PlayerEliminated.class)).extracting(PlayerEliminated::playerId)
                    .as("an elimination in each Battle Royale round").containsExactly(cyd, bob);
            assertThat(events(arena, sabotage, SabotageRefused.class)).hasSize(1);

            QueryTestSupport.awaitCaughtUp(arena, Duration.ofMinutes(2));
            JdbcTemplate jdbc = arena.getBean(JdbcTemplate.class);
            EventStore store = arena.getBean(EventStore.class);
            for (MatchId match : matches) {
                assertMatchReadModel(jdbc, payloads(store, match.value()));
            }
            assertPlayersReadModel(jdbc, store, List.of(ada, bob, cyd));
            assertThat(jdbc.queryForList("SELECT player_id, role FROM qs_clan_member WHERE clan_id = ? ORDER BY player_id", clan.value()))
                    .extracting(row -> row.get("player_id"), row -> row.get("role"))
                    .containsExactly(tuple(ada.value(), "LEADER"), tuple(bob.value(), "MEMBER"));
            for (String slug : List.of(CARD_CHECK, CLOCK_ANGLE, LEAP_DAYS)) {
                ProblemVersionPublished latest = last(payloads(store, slug), ProblemVersionPublished.class);
                assertThat(jdbc.queryForMap("SELECT version, title FROM qs_problem WHERE problem_id = ?", slug))
                        .isEqualTo(Map.of("version", latest.version(), "title", latest.definition().title()));
            }

            WebClient web = WebClient.builder().baseUrl("http://localhost:" + arena.getEnvironment().getProperty("local.server.port"))
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
            for (MatchId match : matches) {
                MatchEnded end = last(payloads(store, match.value()), MatchEnded.class);
                JsonNode detail = get(web, "/api/matches/" + match.value(), null);
                assertThat(detail.get("phase").asText()).isEqualTo("ENDED");
                JsonNode view = json.readTree(arena.getBean(StringRedisTemplate.class).opsForValue().get(LiveKeys.view(match)));
                assertThat(view.get("phase").asText()).as("live view of %s", match).isEqualTo("ENDED");
                for (Standing standing : end.standings()) {
                    assertThat(playerNode(view, standing.playerId()).get("place").asInt()).isEqualTo(standing.place());
                }
                JsonNode replay = get(web, "/api/audit/matches/" + match.value() + "/replay", null);
                assertThat(replay.get("agrees").asBoolean()).as("replay of %s: %s", match, replay.get("differences")).isTrue();
                assertReplayUpToEventN(web, store, match);
            }

            Map<String, List<Map<String, Object>>> before = QueryTestSupport.dump(jdbc);
            Map<String, String> viewsBefore = liveViews(arena, matches);
            assertThat(before.get("qs_match")).hasSizeGreaterThanOrEqualTo(4);

            AccessTokens tokens = arena.getBean(AccessTokens.class);
            String player = tokens.issue(new AuthenticatedPlayer(ada, "ada", PlayerClass.HACKER, Set.of(Role.PLAYER)));
            String admin = tokens.issue(new AuthenticatedPlayer(PlayerId.of("root-" + run), "root", PlayerClass.ARCHITECT,
                    Set.of(Role.PLAYER, Role.ADMIN)));
            assertThat(status(web, "/api/admin/read-models/rebuild", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(status(web, "/api/admin/read-models/rebuild", player)).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(status(web, "/api/admin/read-models/rebuild", admin)).isEqualTo(HttpStatus.ACCEPTED);
            await("every read model rebuilt").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
                JsonNode statuses = get(web, "/api/admin/read-models", admin);
                List<String> done = new ArrayList<>();
                statuses.forEach(s -> {
                    assertThat(s.get("state").asText()).as(s.toString()).isNotEqualTo("FAILED");
                    if (s.get("state").asText().equals("DONE")) {
                        done.add(s.get("readModel").asText());
                    }
                });
                return done.containsAll(READ_MODELS);
            });
            QueryTestSupport.awaitCaughtUp(arena, Duration.ofMinutes(2));

            Map<String, List<Map<String, Object>>> after = QueryTestSupport.dump(jdbc);
            for (String table : QueryTestSupport.TABLES.keySet()) {
                assertThat(after.get(table)).as("%s after the rebuild, row by row", table).containsExactlyElementsOf(before.get(table));
            }
            assertThat(liveViews(arena, matches)).as("live views after the rebuild").isEqualTo(viewsBefore);
        }
    }

    /** Every row of the match's tables against its events. */
    private void assertMatchReadModel(JdbcTemplate jdbc, List<Object> events) {
        MatchCreated created = last(events, MatchCreated.class);
        MatchEnded end = last(events, MatchEnded.class);
        String match = created.matchId().value();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM qs_match WHERE match_id = ?", match);
        assertThat(row).containsEntry("mode", created.mode().name()).containsEntry("phase", "ENDED")
                .containsEntry("end_reason", end.reason().name()).containsEntry("finalised", true)
                .containsEntry("player_count", created.players().size())
                .containsEntry("round", Math.max(1, all(events, RoundStarted.class).stream().mapToInt(RoundStarted::round).max().orElse(1)
                        + (created.mode() == MatchMode.SABOTAGE ? 1 : 0)));
        // PostgreSQL keeps microseconds (rounded)
        assertThat(instant(row.get("ended_at"))).isCloseTo(end.endedAt(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));

        Map<PlayerId, Integer> eliminatedIn = new HashMap<>();
        all(events, PlayerEliminated.class).forEach(e -> eliminatedIn.put(e.playerId(), e.round()));
        Map<PlayerId, RatingChange> changes = new HashMap<>();
        end.ratingChanges().forEach(c -> changes.put(c.playerId(), c));
        List<Map<String, Object>> players = jdbc.queryForList("SELECT * FROM qs_match_player WHERE match_id = ? ORDER BY seat", match);
        assertThat(players).extracting(p -> p.get("player_id"))
                .containsExactlyElementsOf(created.players().stream().map(p -> p.playerId().value()).toList());
        for (Standing standing : end.standings()) {
            Map<String, Object> p = players.stream().filter(r -> r.get("player_id").equals(standing.playerId().value())).findFirst().orElseThrow();
            RatingChange change = changes.get(standing.playerId());
            MatchPlayer seat = created.players().stream().filter(mp -> mp.playerId().equals(standing.playerId())).findFirst().orElseThrow();
            assertThat(p).as("%s in %s", standing.playerId(), match)
                    .containsEntry("place", standing.place()).containsEntry("score", standing.score())
                    .containsEntry("forfeited", standing.forfeited()).containsEntry("handle", seat.handle())
                    .containsEntry("rating_at_start", seat.rating())
                    .containsEntry("rating_before", change.before()).containsEntry("rating_after", change.after())
                    .containsEntry("overall_before", change.overallBefore()).containsEntry("overall_after", change.overallAfter())
                    .containsEntry("eliminated_round", eliminatedIn.get(standing.playerId()));
        }

        Map<String, Object> lockedBy = new TreeMap<>();
        created.problems().forEach(problem -> lockedBy.put(problem.problemId().value(), null));
        all(events, ProblemLocked.class).forEach(lock -> lockedBy.put(lock.problemId().value(), lock.playerId().value()));
        Map<String, Object> projectedLocks = new TreeMap<>();
        jdbc.queryForList("SELECT problem_id, locked_by FROM qs_match_problem WHERE match_id = ?", match)
                .forEach(p -> projectedLocks.put((String) p.get("problem_id"), p.get("locked_by")));
        assertThat(projectedLocks).as("locks of %s", match).isEqualTo(lockedBy);

        Map<String, String> expectedStatus = new TreeMap<>();
        Map<String, String> expectedVerdict = new TreeMap<>();
        all(events, SubmissionReceived.class).forEach(s -> expectedStatus.put(s.submissionId().value(), "PENDING"));
        all(events, SubmissionRefused.class).forEach(s -> expectedStatus.put(s.submissionId().value(), "REFUSED"));
        all(events, SabotageRefused.class).forEach(s -> expectedStatus.putIfAbsent(s.submissionId().value(), "REFUSED"));
        all(events, SubmissionJudged.class).forEach(s -> {
            expectedStatus.put(s.submissionId().value(), "JUDGED");
            expectedVerdict.put(s.submissionId().value(), s.verdict().name());
        });
        Map<String, String> status = new TreeMap<>();
        Map<String, String> verdict = new TreeMap<>();
        jdbc.queryForList("SELECT submission_id, status, verdict FROM qs_submission WHERE match_id = ?", match).forEach(s -> {
            status.put((String) s.get("submission_id"), (String) s.get("status"));
            if (s.get("verdict") != null) {
                verdict.put((String) s.get("submission_id"), (String) s.get("verdict"));
            }
        });
        assertThat(status).as("submissions of %s", match).isEqualTo(expectedStatus);
        assertThat(verdict).as("verdicts of %s", match).isEqualTo(expectedVerdict);
        all(events, SabotageRefused.class).forEach(refused -> assertThat(jdbc.queryForObject(
                "SELECT refusal FROM qs_submission WHERE match_id = ? AND submission_id = ?", String.class, match,
                refused.submissionId().value())).isEqualTo(refused.reason().name()));
    }

    /** Profiles, current ratings per board (the leaderboards) and rating history against the Player events. */
    private void assertPlayersReadModel(JdbcTemplate jdbc, EventStore store, List<PlayerId> players) {
        for (PlayerId player : players) {
            List<Object> events = payloads(store, player.value());
            PlayerRegistered registered = last(events, PlayerRegistered.class);
            assertThat(jdbc.queryForMap("SELECT handle, player_class FROM qs_player WHERE player_id = ?", player.value()))
                    .isEqualTo(Map.of("handle", registered.handle(), "player_class", registered.playerClass().name()));
            List<PlayerRatingChanged> changes = all(events, PlayerRatingChanged.class);
            assertThat(changes).as("%s rated once per match played", player).isNotEmpty();
            Map<String, List<Integer>> expected = new TreeMap<>();
            expected.put("OVERALL", List.of(registered.initialRating(), 0));
            for (PlayerRatingChanged change : changes) {
                expected.put(change.mode().name(), List.of(change.after(), change.gamesPlayed()));
                expected.put("OVERALL", List.of(change.overallAfter(), change.overallGamesPlayed()));
            }
            Map<String, List<Integer>> projected = new TreeMap<>();
            jdbc.queryForList("SELECT board, rating, games FROM qs_player_rating WHERE player_id = ?", player.value())
                    .forEach(r -> projected.put((String) r.get("board"), List.of((Integer) r.get("rating"), (Integer) r.get("games"))));
            assertThat(projected).as("ratings of %s", player).isEqualTo(expected);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM qs_rating_history WHERE player_id = ?", Long.class, player.value()))
                    .as("history points of %s (mode and overall per match)", player).isEqualTo(2L * changes.size());
        }
    }

    /**
     * "Up to event N" means the first N events of the stream the auditor sees (sequence numbers 0..N-1): the replay
     * applies exactly those, so its phase after N events is the phase the N-th event leads to.
     */
    private void assertReplayUpToEventN(WebClient web, EventStore store, MatchId match) {
        JsonNode stream = get(web, "/api/audit/matches/" + match.value() + "/events?size=1000", null);
        List<JsonNode> listed = new ArrayList<>();
        stream.get("events").forEach(listed::add);
        List<Object> events = payloads(store, match.value());
        assertThat(listed).as("the audit stream lists every match event").hasSize(events.size());
        String phase = "SCHEDULED";
        for (int n = 1; n <= events.size(); n++) {
            Object event = events.get(n - 1);
            assertThat(listed.get(n - 1).get("sequence").asLong()).isEqualTo(n - 1);
            assertThat(listed.get(n - 1).get("type").asText()).isEqualTo(event.getClass().getName());
            if (event instanceof MatchStarted started) {
                phase = started.phase().name();
            } else if (event instanceof RoundStarted) {
                phase = "ROUND";
            } else if (event instanceof RepairPhaseStarted) {
                phase = "REPAIR";
            } else if (event instanceof dev.codearena.api.match.TimeUp) {
                phase = "CLOSING";
            } else if (event instanceof MatchEnded) {
                phase = "ENDED";
            }
            JsonNode replay = get(web, "/api/audit/matches/" + match.value() + "/replay?upTo=" + n, null);
            assertThat(replay.get("eventsApplied").asInt()).isEqualTo(n);
            assertThat(replay.get("phase").asText()).as("%s after event %d (%s)", match, n, event.getClass().getSimpleName())
                    .isEqualTo(phase);
        }
    }

    private static JsonNode playerNode(JsonNode view, PlayerId player) {
        for (JsonNode p : view.get("players")) {
            if (p.get("playerId").asText().equals(player.value())) {
                return p;
            }
        }
        throw new AssertionError("no " + player + " in " + view);
    }

    private JsonNode get(WebClient web, String uri, String token) {
        String body = web.get().uri(uri).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(uri + " answered " + body, e);
        }
    }

    private static HttpStatus status(WebClient web, String uri, String token) {
        try {
            return HttpStatus.valueOf(web.post().uri(uri).headers(h -> {
                if (token != null) {
                    h.setBearerAuth(token);
                }
            }).retrieve().toBodilessEntity().block(Duration.ofSeconds(30)).getStatusCode().value());
        } catch (WebClientResponseException e) {
            return HttpStatus.valueOf(e.getStatusCode().value());
        }
    }

    private static Map<String, String> liveViews(ConfigurableApplicationContext arena, List<MatchId> matches) {
        StringRedisTemplate redis = arena.getBean(StringRedisTemplate.class);
        Map<String, String> views = new TreeMap<>();
        matches.forEach(match -> views.put(match.value(), redis.opsForValue().get(LiveKeys.view(match))));
        return views;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
    }

    private void submit(CommandGateway commands, MatchId match, String id, PlayerId player, String problem, Language language,
                        String source) {
        PlayedMatches.submit(commands, match, SubmissionId.of(id + "-" + run), player, problem, language, source);
    }

    private void sabotage(CommandGateway commands, MatchId match, String id, PlayerId player, String source) {
        PlayedMatches.sabotage(commands, match, SubmissionId.of(id + "-" + run), player, source);
    }

    private static <T> List<T> all(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> T last(List<Object> events, Class<T> type) {
        List<T> found = all(events, type);
        assertThat(found).as(type.getSimpleName()).isNotEmpty();
        return found.get(found.size() - 1);
    }

}
