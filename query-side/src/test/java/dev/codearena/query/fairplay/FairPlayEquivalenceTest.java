package dev.codearena.query.fairplay;

import static dev.codearena.query.testing.QueryTestSupport.awaitCaughtUp;
import static dev.codearena.query.testing.QueryTestSupport.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.api.player.Ratings;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.problem.ProblemVersionPublished;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import dev.codearena.query.admin.RebuildService;
import dev.codearena.query.testing.ArenaHistory.StoredEvent;
import dev.codearena.query.testing.QueryTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batched fair-play projection yields exactly the tables (flags with their ids, scores and evidence included)
 * of the projection as it was before batching ({@link UnbatchedFairPlayProjection}, one statement or more per
 * event). A seeded history of interleaved matches of all modes, with real solutions from the problem set,
 * disguised copies, a pasting player, a bot-regular player, colluding 1v1 pairs, roster changes, re-judged
 * submissions, judgings that land in a later batch than their submission and sub-microsecond timestamps, is
 * projected live in chunks of varying size (batches of 37 events, so batch boundaries fall anywhere), then by
 * the reference projection, then by a rebuild; all three must agree row for row.
 */
@EmbeddedInfrastructureTest
class FairPlayEquivalenceTest {

    private static final Path PROBLEMS = Path.of("..", "problems");
    private static final List<String> FAIR_PLAY_TABLES = List.of("qs_fp_match ORDER BY match_id",
            "qs_fp_match_player ORDER BY match_id, player_id", "qs_fp_match_problem ORDER BY match_id, problem_id",
            "qs_fp_problem_base ORDER BY problem_id, hash", "qs_fp_submission ORDER BY match_id, submission_id",
            "qs_fp_fingerprint ORDER BY problem_id, hash, match_id, submission_id", "qs_fp_meeting ORDER BY match_id",
            "qs_fp_flag ORDER BY flag_id");
    private static final List<String> SLUGS = List.of("alliance-queries", "anagram-clubs", "bonus-tree", "build-order",
            "running-median", "glue-sticks", "card-check", "cinema-row");

    @Test
    void batchedProjectionEqualsTheUnbatchedOneLiveAndInARebuild() throws IOException {
        List<StoredEvent> events = new History(20261126L).generate(90);
        try (ConfigurableApplicationContext context = QueryTestSupport.start(
                EmbeddedInfrastructureExtension.newDatabase("fair_play_equivalence"),
                "--axon.eventhandling.processors.fair-play.batch-size=37")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            EventStore eventStore = context.getBean(EventStore.class);
            Random chunks = new Random(5);
            for (int from = 0; from < events.size(); ) {
                int to = Math.min(events.size(), from + 1 + chunks.nextInt(400));
                QueryTestSupport.publish(eventStore, events.subList(from, to));
                awaitCaughtUp(context, Duration.ofSeconds(120));
                from = to;
            }
            Map<String, List<Map<String, Object>>> live = dump(jdbc);

            UnbatchedFairPlayProjection reference = new UnbatchedFairPlayProjection(jdbc, context.getBean(ObjectMapper.class),
                    context.getBean(FairPlaySettings.class));
            reference.reset();
            for (StoredEvent event : events) {
                apply(reference, event.payload());
            }
            Map<String, List<Map<String, Object>>> expected = dump(jdbc);
            List<String> kinds = jdbc.queryForList("SELECT DISTINCT kind FROM qs_fp_flag ORDER BY kind", String.class);
            assertThat(kinds).as("the history raises every kind of flag").containsExactly("BOT_REGULARITY", "BOT_SPEED", "COLLUSION",
                    "PLAGIARISM");
            assertThat(QueryTestSupport.count(jdbc, "SELECT count(*) FROM qs_fp_flag WHERE kind = 'PLAGIARISM'")).isGreaterThan(3);
            assertThat(QueryTestSupport.count(jdbc, "SELECT count(*) FROM qs_fp_fingerprint")).isGreaterThan(1000);

            RebuildService rebuilds = context.getBean(RebuildService.class);
            rebuilds.rebuild(FairPlayProjection.GROUP);
            awaitTrue("fair-play rebuild", Duration.ofMinutes(3), () -> rebuilds.status(FairPlayProjection.GROUP).state().equals("DONE"));
            awaitCaughtUp(context, Duration.ofSeconds(60));
            Map<String, List<Map<String, Object>>> rebuilt = dump(jdbc);

            expected.forEach((table, rows) -> {
                assertThat(live.get(table)).as("live: " + table).containsExactlyElementsOf(rows);
                assertThat(rebuilt.get(table)).as("rebuild: " + table).containsExactlyElementsOf(rows);
            });
        }
    }

    private static void apply(UnbatchedFairPlayProjection projection, Object payload) {
        if (payload instanceof ProblemVersionPublished e) {
            projection.on(e);
        } else if (payload instanceof MatchCreated e) {
            projection.on(e);
        } else if (payload instanceof PlayerJoined e) {
            projection.on(e);
        } else if (payload instanceof PlayerLeft e) {
            projection.on(e);
        } else if (payload instanceof MatchStarted e) {
            projection.on(e);
        } else if (payload instanceof RoundStarted e) {
            projection.on(e);
        } else if (payload instanceof SubmissionReceived e) {
            projection.on(e);
        } else if (payload instanceof SubmissionJudged e) {
            projection.on(e);
        } else if (payload instanceof MatchEnded e) {
            projection.on(e);
        }
    }

    private static Map<String, List<Map<String, Object>>> dump(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : FAIR_PLAY_TABLES) {
            out.put(table, jdbc.queryForList("SELECT * FROM " + table).stream()
                    .map(row -> row.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))))
                    .map(m -> (Map<String, Object>) new LinkedHashMap<String, Object>(m)).toList());
        }
        return out;
    }

    /** A seeded arena history for the fair-play signals; events of concurrent matches interleave by time. */
    private static final class History {

        private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
        private final Random random;
        private final List<Object[]> timeline = new ArrayList<>(); // {at, order, aggregateType, aggregateId, payload}
        private final List<PlayerId> players = new ArrayList<>();
        private final Map<String, Map<Language, List<String>>> solutions = new LinkedHashMap<>();
        private final Map<String, List<String[]>> submitted = new HashMap<>(); // problem -> {language id, source}
        private int order;
        private int submissionCounter;

        History(long seed) {
            this.random = new Random(seed);
        }

        List<StoredEvent> generate(int matchCount) throws IOException {
            for (int i = 0; i < 12; i++) {
                PlayerId id = PlayerId.of("eq-p" + i);
                players.add(id);
                emit(T0.minusSeconds(86_400), "Player", id.value(), new PlayerRegistered(id, "h" + i, PlayerClass.HACKER,
                        Ratings.INITIAL_RATING, T0.minusSeconds(86_400)));
            }
            for (String slug : SLUGS) {
                Map<Language, List<String>> bySlug = new LinkedHashMap<>();
                try (var files = Files.list(PROBLEMS.resolve(slug).resolve("solutions"))) {
                    for (Path file : files.sorted().toList()) {
                        String name = file.getFileName().toString();
                        Language language = name.endsWith(".py") ? Language.PYTHON3 : name.endsWith(".cpp") ? Language.CPP17
                                : name.endsWith(".java") ? Language.JAVA17 : null;
                        if (language != null) {
                            bySlug.computeIfAbsent(language, l -> new ArrayList<>()).add(Files.readString(file));
                        }
                    }
                }
                solutions.put(slug, bySlug);
            }
            // Two problems are published with a reference solution: it becomes base code nobody is flagged for.
            for (String slug : List.of("glue-sticks", "card-check")) {
                ProblemDefinition definition = new ProblemDefinition(slug, 2, List.of("x"), 1000, 256, CheckerSpec.TOKENS,
                        EnumSet.allOf(MatchMode.class), "# " + slug, slug + "/1/tests", 10, reference(slug));
                emit(T0.minusSeconds(3600), "Problem", slug, new ProblemVersionPublished(ProblemId.of(slug), 1, "h", definition,
                        T0.minusSeconds(3600)));
            }
            for (int m = 0; m < matchCount; m++) {
                match(m, T0.plusSeconds(m * 420L + random.nextInt(120)).plusNanos(random.nextInt(1_000_000)));
            }
            timeline.sort(Comparator.<Object[], Instant>comparing(e -> (Instant) e[0]).thenComparing(e -> (Integer) e[1]));
            Map<String, Long> sequences = new HashMap<>();
            List<StoredEvent> events = new ArrayList<>();
            for (Object[] e : timeline) {
                String aggregate = (String) e[3];
                events.add(new StoredEvent((String) e[2], aggregate, sequences.merge(aggregate, 1L, Long::sum) - 1, e[4], (Instant) e[0]));
            }
            return events;
        }

        private ReferenceSolution reference(String slug) {
            return new ReferenceSolution(Language.PYTHON3, solutions.get(slug).get(Language.PYTHON3).get(0));
        }

        private void match(int index, Instant created) {
            String id = "eq-m" + index;
            MatchId matchId = MatchId.of(id);
            // Every fifth match is the colluding pair p10/p11 (p11 forfeits or does not submit); every seventh p8/p9.
            boolean colluding = index % 5 == 0;
            boolean trading = index % 7 == 3;
            MatchMode mode = colluding || trading ? MatchMode.BLITZ
                    : List.of(MatchMode.BLITZ, MatchMode.BLITZ, MatchMode.GOLF, MatchMode.BATTLE_ROYALE, MatchMode.SABOTAGE)
                    .get(random.nextInt(5));
            int size = colluding || trading ? 2 : switch (mode) {
                case BLITZ -> 2 + random.nextInt(2);
                case GOLF -> 3;
                case BATTLE_ROYALE -> 4;
                case SABOTAGE -> 2;
            };
            List<PlayerId> pool = new ArrayList<>(players.subList(0, 10));
            java.util.Collections.shuffle(pool, random);
            List<PlayerId> roster = new ArrayList<>(colluding ? List.of(players.get(10), players.get(11))
                    : trading ? List.of(players.get(8), players.get(9)) : pool.subList(0, size));
            int problemCount = mode == MatchMode.BATTLE_ROYALE ? 3 : mode == MatchMode.BLITZ ? 1 + random.nextInt(2) : 1;
            List<String> slugs = new ArrayList<>(SLUGS);
            java.util.Collections.shuffle(slugs, random);
            List<MatchProblem> problems = new ArrayList<>();
            for (String slug : slugs.subList(0, problemCount)) {
                problems.add(new MatchProblem(ProblemId.of(slug), 1, slug, 2, 100, judge(slug),
                        mode == MatchMode.SABOTAGE || random.nextInt(4) == 0 ? reference(slug) : null));
            }
            Instant at = created;
            emit(at, "Match", id, new MatchCreated(matchId, mode, MatchSettings.defaults(mode), roster.stream().map(this::player).toList(),
                    problems, at, at.plusSeconds(30)));
            if (!colluding && !trading && random.nextInt(4) == 0) {
                // one more joins, then someone leaves; sometimes the leaver comes back
                PlayerId extra = pool.get(size);
                at = at.plusSeconds(3).plusNanos(random.nextInt(1000));
                emit(at, "Match", id, new PlayerJoined(matchId, player(extra), at));
                PlayerId leaver = roster.get(0);
                at = at.plusSeconds(3);
                emit(at, "Match", id, new PlayerLeft(matchId, leaver, at));
                roster.remove(leaver);
                roster.add(extra);
                if (random.nextBoolean()) {
                    at = at.plusSeconds(3);
                    emit(at, "Match", id, new PlayerJoined(matchId, player(leaver), at));
                    roster.add(leaver);
                }
            }
            Instant started = created.plusSeconds(30);
            MatchPhase phase = switch (mode) {
                case BLITZ, GOLF -> MatchPhase.RUNNING;
                case BATTLE_ROYALE -> MatchPhase.ROUND;
                case SABOTAGE -> MatchPhase.SABOTAGE;
            };
            emit(started, "Match", id, new MatchStarted(matchId, phase, started, started.plusSeconds(1800)));
            Instant last = started;
            for (int p = 0; p < problems.size(); p++) {
                String slug = problems.get(p).problemId().value();
                Instant revealed = started;
                if (mode == MatchMode.BATTLE_ROYALE) {
                    revealed = started.plusSeconds(600L * p).plusNanos(random.nextInt(1_000_000));
                    emit(revealed, "Match", id, new RoundStarted(matchId, p + 1, ProblemId.of(slug), revealed, revealed.plusSeconds(600),
                            List.copyOf(roster)));
                }
                for (PlayerId player : roster) {
                    last = max(last, submissions(matchId, mode, player, slug, revealed, colluding || trading));
                }
            }
            Instant ended = last.plusSeconds(5).plusNanos(random.nextInt(1000));
            List<Standing> standings = new ArrayList<>();
            for (int i = 0; i < roster.size(); i++) {
                boolean forfeited = colluding && index % 10 == 0 && roster.get(i).equals(players.get(11));
                int place = colluding || trading ? (roster.get(i).equals(players.get(colluding ? 10 : (index % 2 == 0 ? 8 : 9))) ? 1 : 2)
                        : i + 1;
                standings.add(new Standing(roster.get(i), place, 100 - place, place == 1 ? ended : null, forfeited));
            }
            emit(ended, "Match", id, new MatchEnded(matchId, mode, EndReason.TIME_UP, standings, List.of(), ended));
        }

        /** A player's submissions on one problem; answers the time of the last event. */
        private Instant submissions(MatchId matchId, MatchMode mode, PlayerId player, String slug, Instant revealed, boolean oneSidedPair) {
            Instant last = revealed;
            int playerIndex = players.indexOf(player);
            if (oneSidedPair && (playerIndex == 11 || playerIndex == 9 && matchId.value().hashCode() % 2 == 0)) {
                return last; // the losing side of a one-sided meeting submits nothing
            }
            int tries = 1 + random.nextInt(3);
            for (int t = 0; t < tries; t++) {
                Language language;
                String source;
                long delayMillis;
                if (playerIndex == 5) { // the regular bot: Accepted ~120 s after every reveal
                    language = Language.PYTHON3;
                    source = solutions.get(slug).get(Language.PYTHON3).get(0);
                    delayMillis = 120_000 + random.nextInt(1000);
                    t = tries;
                } else if ((playerIndex == 3 || playerIndex == 4) && submitted.containsKey(slug) && random.nextInt(3) > 0) {
                    // copiers paste someone's earlier code, disguised, half a minute in
                    String[] earlier = submitted.get(slug).get(random.nextInt(submitted.get(slug).size()));
                    language = Language.fromId(earlier[0]);
                    source = PlagiarismFingerprintTest.disguise(earlier[1], language);
                    delayMillis = 25_000 + random.nextInt(20_000);
                } else if (random.nextInt(5) == 0) {
                    language = Language.PYTHON3;
                    source = "print(" + random.nextInt(10) + ")\n";
                    delayMillis = 30_000 + random.nextInt(600_000);
                } else {
                    List<Language> languages = new ArrayList<>(solutions.get(slug).keySet());
                    language = languages.get(random.nextInt(languages.size()));
                    List<String> options = solutions.get(slug).get(language);
                    source = options.get(random.nextInt(options.size()));
                    delayMillis = 60_000 + random.nextInt(1_500_000);
                }
                Instant received = revealed.plusMillis(delayMillis).plusNanos(random.nextInt(1_000_000));
                SubmissionKind kind = mode == MatchMode.SABOTAGE && t == 0 && random.nextBoolean() ? SubmissionKind.SABOTAGE_VALIDATION
                        : SubmissionKind.SOLUTION;
                SubmissionId sid = SubmissionId.of(matchId.value() + "-s" + submissionCounter++);
                int bytes = source.getBytes(StandardCharsets.UTF_8).length;
                emit(received, "Match", matchId.value(), new SubmissionReceived(matchId, sid, player, ProblemId.of(slug), 1, kind, language,
                        source, bytes, judge(slug), received));
                submitted.computeIfAbsent(slug, s -> new ArrayList<>()).add(new String[] {language.id(), source});
                Verdict verdict = source.length() < 20 ? Verdict.WA : random.nextInt(6) == 0 ? Verdict.TLE : Verdict.AC;
                // Judging takes from a second to several minutes, so it often lands in a later batch.
                Instant judged = received.plusMillis(1000 + random.nextInt(random.nextInt(4) == 0 ? 400_000 : 5_000));
                if (random.nextInt(12) == 0) { // judged wrong first, re-judged later
                    emit(judged, "Match", matchId.value(), new SubmissionJudged(matchId, sid, player, ProblemId.of(slug),
                            verdict == Verdict.AC ? Verdict.WA : Verdict.AC, 3, 10, null, bytes, judged));
                    judged = judged.plusSeconds(60 + random.nextInt(300));
                }
                emit(judged, "Match", matchId.value(), new SubmissionJudged(matchId, sid, player, ProblemId.of(slug), verdict,
                        verdict == Verdict.AC ? 10 : 3, 10, null, bytes, judged));
                last = max(last, judged);
            }
            return last;
        }

        private MatchPlayer player(PlayerId id) {
            return new MatchPlayer(id, "h" + players.indexOf(id), Ratings.INITIAL_RATING, 0, Ratings.INITIAL_RATING, 0);
        }

        private static JudgeSpec judge(String slug) {
            return new JudgeSpec(slug + "/1/tests", CheckerSpec.TOKENS, 1000, 256);
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private void emit(Instant at, String type, String aggregateId, Object payload) {
            timeline.add(new Object[] {at, order++, type, aggregateId, payload});
        }
    }
}
