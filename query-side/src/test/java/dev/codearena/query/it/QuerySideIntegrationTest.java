package dev.codearena.query.it;

import static dev.codearena.query.testing.QueryTestSupport.awaitCaughtUp;
import static dev.codearena.query.testing.QueryTestSupport.awaitTrue;
import static dev.codearena.query.testing.QueryTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.live.LiveKeys;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.query.LeaderboardEntry;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import dev.codearena.query.live.LiveQueries;
import dev.codearena.query.testing.ArenaHistory;
import dev.codearena.query.testing.Expectations;
import dev.codearena.query.testing.QueryTestSupport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * The query side end to end on real PostgreSQL and Redis: a generated arena history goes into the real
 * event store through Axon; the tracking processors project it; the REST/RSocket APIs, the Redis live
 * views, the auditor replay and the admin rebuild are checked against what the events say.
 */
@EmbeddedInfrastructureTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuerySideIntegrationTest {

    private static final String AUTHORIZATION = "Authorization";
    private static final String ADMIN = "Bearer " + QueryTestSupport.accessToken("root-admin", "PLAYER", "ADMIN");
    private static ConfigurableApplicationContext context;
    private static JdbcTemplate jdbc;
    private static WebTestClient web;
    private static ArenaHistory history;
    private static int port;

    @BeforeAll
    static void startAndProject() {
        context = QueryTestSupport.start(EmbeddedInfrastructureExtension.newDatabase("query_it"));
        jdbc = context.getBean(JdbcTemplate.class);
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        history = ArenaHistory.generate(42, "it", 16, 3, 48, 4);
        QueryTestSupport.publish(context.getBean(EventStore.class), history.events());
        awaitCaughtUp(context, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @Order(1)
    void everyReadModelShowsWhatTheEventsSay() {
        Expectations.rowCounts(history).forEach((table, expected) ->
                assertThat(count(jdbc, "SELECT count(*) FROM " + table)).as(table).isEqualTo(expected));

        for (PlayerId player : history.players()) {
            for (String board : List.of("OVERALL", "BLITZ", "GOLF", "BATTLE_ROYALE", "SABOTAGE")) {
                int[] expected = history.rating(player, board);
                List<Map<String, Object>> rows = jdbc.queryForList(
                        "SELECT rating, games FROM qs_player_rating WHERE player_id = ? AND board = ?", player.value(), board);
                if (expected == null) {
                    assertThat(rows).as(player + " " + board).isEmpty();
                } else {
                    assertThat(rows).as(player + " " + board).containsExactly(Map.of("rating", expected[0], "games", expected[1]));
                }
            }
        }
        assertThat(count(jdbc, "SELECT count(*) FROM qs_match WHERE phase = 'ENDED'"))
                .isEqualTo(history.payloads(MatchEnded.class).size());
        assertThat(count(jdbc, "SELECT count(*) FROM qs_submission WHERE status = 'JUDGED'"))
                .isEqualTo(history.payloads(SubmissionJudged.class).size());
        assertThat(count(jdbc, "SELECT count(*) FROM qs_match_problem WHERE locked_by IS NOT NULL"))
                .isEqualTo(history.payloads(dev.codearena.api.match.ProblemLocked.class).size());
        for (MatchEnded ended : history.payloads(MatchEnded.class)) {
            for (Standing s : ended.standings()) {
                assertThat(jdbc.queryForMap("SELECT place, score, forfeited FROM qs_match_player WHERE match_id = ? AND player_id = ?",
                        ended.matchId().value(), s.playerId().value()))
                        .isEqualTo(Map.of("place", s.place(), "score", s.score(), "forfeited", s.forfeited()));
            }
        }
    }

    /**
     * Joins and leaves before the start: the leaver has no row anywhere (not on the roster, not ranked, not
     * rated), the joiner takes the next seat, the count follows; the same in the match detail, the live view
     * and the fair-play roster.
     */
    @Test
    @Order(1)
    void joinsAndLeavesBeforeTheStartChangeEveryRoster() {
        Set<MatchId> changed = history.matchesWith(PlayerLeft.class);
        assertThat(changed).as("the history has matches with a join and a leave").hasSizeGreaterThanOrEqualTo(3)
                .isEqualTo(history.matchesWith(PlayerJoined.class)).contains(history.liveMatches().get(1));
        assertRostersOf(changed);

        MatchId live = history.liveMatches().get(1);
        JsonNode view = getJson("/api/live/matches/" + live.value());
        List<String> viewed = new ArrayList<>();
        view.get("players").forEach(p -> viewed.add(p.get("playerId").asText()));
        assertThat(viewed).as("live view players").containsExactlyElementsOf(
                history.rosters().get(live).stream().map(PlayerId::value).toList());
        JsonNode detail = getJson("/api/matches/" + live.value());
        List<Integer> seats = new ArrayList<>();
        detail.get("players").forEach(p -> seats.add(p.get("seat").asInt()));
        assertThat(seats).as("match detail seats").containsExactly(0, 2, 3);
    }

    /**
     * A roster changing one event per processor batch (seats read back from the table) ends as when every
     * change is in one batch; the rebuild that follows replays it in one and must give the same rows. A
     * leave before a join makes "next seat" differ from the player count; a player leaves and rejoins.
     */
    @Test
    @Order(7)
    void rosterChangesAcrossBatchesTakeTheNextSeat() {
        MatchId live = history.liveMatches().get(1);
        MatchCreated template = history.payloads(MatchCreated.class).stream().filter(c -> c.matchId().equals(live))
                .findFirst().orElseThrow();
        MatchPlayer joiner = history.payloads(PlayerJoined.class).stream().filter(j -> j.matchId().equals(live))
                .findFirst().orElseThrow().player();
        List<MatchPlayer> created = template.players(); // a, b, c
        MatchId match = MatchId.of("it-roster-batches");
        Instant now = Instant.now();
        List<Object> changes = List.of(
                new MatchCreated(match, template.mode(), template.settings(), created, template.problems(), now, now.plusSeconds(600)),
                new PlayerLeft(match, created.get(1).playerId(), now.plusMillis(1)),
                new PlayerJoined(match, joiner, now.plusMillis(2)),
                new PlayerJoined(match, created.get(1), now.plusMillis(3)),
                new PlayerLeft(match, created.get(0).playerId(), now.plusMillis(4)),
                new MatchCancelled(match, "not enough players", now.plusMillis(5)));
        for (int sequence = 0; sequence < changes.size(); sequence++) {
            QueryTestSupport.publish(context.getBean(EventStore.class), List.of(
                    new ArenaHistory.StoredEvent("Match", match.value(), sequence, changes.get(sequence), now)));
            awaitCaughtUp(context, Duration.ofSeconds(30));
        }
        assertThat(jdbc.queryForList("SELECT player_id, seat FROM qs_match_player WHERE match_id = ? ORDER BY seat", match.value()))
                .isEqualTo(List.of(
                        Map.of("player_id", created.get(2).playerId().value(), "seat", 2),
                        Map.of("player_id", joiner.playerId().value(), "seat", 3),
                        Map.of("player_id", created.get(1).playerId().value(), "seat", 4)));
        assertThat(count(jdbc, "SELECT player_count FROM qs_match WHERE match_id = ?", match.value())).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT player_id FROM qs_fp_match_player WHERE match_id = ? ORDER BY player_id", String.class,
                match.value())).containsExactlyInAnyOrder(created.get(2).playerId().value(), joiner.playerId().value(),
                created.get(1).playerId().value());
    }

    /** Rows of matches whose roster changed before the start, checked against the events. */
    private static void assertRostersOf(Set<MatchId> matches) {
        for (MatchId match : matches) {
            MatchCreated created = history.payloads(MatchCreated.class).stream().filter(c -> c.matchId().equals(match))
                    .findFirst().orElseThrow();
            PlayerJoined joined = history.payloads(PlayerJoined.class).stream().filter(j -> j.matchId().equals(match))
                    .findFirst().orElseThrow();
            PlayerLeft left = history.payloads(PlayerLeft.class).stream().filter(l -> l.matchId().equals(match))
                    .findFirst().orElseThrow();
            List<Map<String, Object>> expected = new ArrayList<>();
            for (int seat = 0; seat < created.players().size(); seat++) {
                MatchPlayer p = created.players().get(seat);
                if (!p.playerId().equals(left.playerId())) {
                    expected.add(Map.of("player_id", p.playerId().value(), "seat", seat, "handle", p.handle(),
                            "rating_at_start", p.rating()));
                }
            }
            // joined after creation, before the leave: the seat after the last created one
            expected.add(Map.of("player_id", joined.player().playerId().value(), "seat", created.players().size(),
                    "handle", joined.player().handle(), "rating_at_start", joined.player().rating()));
            assertThat(jdbc.queryForList("SELECT player_id, seat, handle, rating_at_start FROM qs_match_player"
                    + " WHERE match_id = ? ORDER BY seat", match.value())).as("roster of " + match).isEqualTo(expected);
            assertThat(count(jdbc, "SELECT player_count FROM qs_match WHERE match_id = ?", match.value()))
                    .as("player_count of " + match).isEqualTo(expected.size());
            assertThat(count(jdbc, "SELECT count(*) FROM qs_match_player WHERE player_id = ? AND match_id = ?",
                    left.playerId().value(), match.value())).as("the leaver is in no match history row").isZero();
            assertThat(jdbc.queryForList("SELECT player_id FROM qs_fp_match_player WHERE match_id = ? ORDER BY player_id",
                    String.class, match.value())).as("fair-play roster of " + match)
                    .isEqualTo(history.rosters().get(match).stream().map(PlayerId::value).sorted().toList());
            history.payloads(MatchEnded.class).stream().filter(e -> e.matchId().equals(match)).forEach(ended -> {
                assertThat(ended.standings()).extracting(Standing::playerId).doesNotContain(left.playerId());
                assertThat(count(jdbc, "SELECT count(*) FROM qs_match_player WHERE match_id = ? AND place IS NOT NULL",
                        match.value())).as("everyone left on the roster is ranked").isEqualTo(expected.size());
            });
        }
    }

    @Test
    @Order(2)
    void leaderboardsPagesAndRanksFollowTheRatings() {
        List<PlayerId> byRating = history.players().stream()
                .sorted(Comparator.<PlayerId>comparingInt(p -> -history.rating(p, "OVERALL")[0]).thenComparing(PlayerId::value))
                .toList();
        JsonNode page = getJson("/api/leaderboards/overall?page=1&size=5");
        assertThat(page.get("total").asLong()).isEqualTo(history.players().size());
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("playerId").asText()));
        assertThat(ids).containsExactlyElementsOf(byRating.subList(5, 10).stream().map(PlayerId::value).toList());

        PlayerId someone = byRating.get(7);
        int rating = history.rating(someone, "OVERALL")[0];
        long higher = history.players().stream().filter(p -> history.rating(p, "OVERALL")[0] > rating).count();
        JsonNode rank = getJson("/api/leaderboards/OVERALL/players/" + someone.value());
        assertThat(rank.get("rank").asInt()).isEqualTo(higher + 1);
        assertThat(rank.get("rating").asInt()).isEqualTo(rating);

        JsonNode blitz = getJson("/api/leaderboards/BLITZ?size=100");
        long blitzPlayers = history.players().stream().filter(p -> history.rating(p, "BLITZ") != null).count();
        assertThat(blitz.get("total").asLong()).isEqualTo(blitzPlayers);

        JsonNode clan = getJson("/api/clans/it-c0");
        assertThat(clan.get("members").size()).isEqualTo((int) count(jdbc, "SELECT count(*) FROM qs_clan_member WHERE clan_id = 'it-c0'"));
        assertThat(clan.get("members").get(0).get("role").asText()).isEqualTo("LEADER");
        JsonNode clanBoard = getJson("/api/clans/it-c0/leaderboard?board=OVERALL");
        assertThat(clanBoard.get("total").asInt()).isEqualTo(clan.get("members").size());
        List<Integer> ratings = new ArrayList<>();
        clanBoard.get("items").forEach(i -> ratings.add(i.get("rating").asInt()));
        assertThat(ratings).isSortedAccordingTo(Comparator.reverseOrder());

        // the clan leaderboard: active clans by their members' mean rating, computed here from the history
        java.util.Map<String, Long> meanByClan = new java.util.HashMap<>();
        jdbc.query("SELECT c.clan_id, m.player_id FROM qs_clan c LEFT JOIN qs_clan_member m ON m.clan_id = c.clan_id "
                + "WHERE c.disbanded_at IS NULL", (org.springframework.jdbc.core.RowCallbackHandler) rs -> meanByClan.merge(
                rs.getString(1), 0L, Long::sum));
        for (String clanId : meanByClan.keySet()) {
            List<String> members = jdbc.queryForList("SELECT player_id FROM qs_clan_member WHERE clan_id = ?", String.class, clanId);
            meanByClan.put(clanId, Math.round(members.stream().mapToInt(p -> history.rating(PlayerId.of(p), "OVERALL")[0])
                    .average().orElse(Double.NaN)));
        }
        JsonNode clans = getJson("/api/clans?board=OVERALL&size=100");
        assertThat(clans.get("total").asLong()).isEqualTo(meanByClan.size());
        JsonNode top = clans.get("items").get(0);
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("rating").asLong()).isEqualTo(meanByClan.values().stream().mapToLong(Long::longValue).max().orElseThrow());
        clans.get("items").forEach(i -> assertThat(i.get("rating").asLong()).as(i.toString())
                .isEqualTo(meanByClan.get(i.get("clanId").asText())));
        JsonNode last = clans.get("items").get(clans.get("items").size() - 1);
        JsonNode found = getJson("/api/clans?search=" + last.get("tag").asText().toLowerCase() + "&size=100");
        assertThat(found.get("items").findValuesAsText("clanId")).contains(last.get("clanId").asText());
        assertThat(found.get("items").findValues("rank").stream().filter(r -> r.asInt() == last.get("rank").asInt())).isNotEmpty();
    }

    @Test
    @Order(3)
    void playerHistoryAndMatchDetailFollowTheEvents() {
        PlayerId player = history.players().get(3);
        List<PlayerRatingChanged> changes = history.payloads(PlayerRatingChanged.class).stream()
                .filter(c -> c.playerId().equals(player)).toList();
        JsonNode chart = getJson("/api/players/" + player.value() + "/ratings/OVERALL");
        assertThat(chart.get("points").size()).isEqualTo(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            assertThat(chart.get("points").get(i).get("after").asInt()).isEqualTo(changes.get(i).overallAfter());
        }
        long played = history.rosters().values().stream().filter(roster -> roster.contains(player)).count();
        assertThat(getJson("/api/players/" + player.value() + "/matches?size=3").get("total").asLong()).isEqualTo(played);
        assertThat(getJson("/api/players/" + player.value()).get("ratings").size()).isGreaterThanOrEqualTo(1);

        MatchEnded ended = history.payloads(MatchEnded.class).stream().filter(e -> e.mode() == MatchMode.BLITZ).findFirst().orElseThrow();
        JsonNode detail = getJson("/api/matches/" + ended.matchId().value());
        assertThat(detail.get("phase").asText()).isEqualTo("ENDED");
        assertThat(detail.get("codeVisible").asBoolean()).isTrue();
        assertThat(detail.get("submissions").findValuesAsText("status")).contains("JUDGED");
        detail.get("submissions").forEach(s -> {
            if (!s.get("status").asText().equals("REFUSED")) {
                assertThat(s.get("source").asText()).isNotBlank();
            }
        });
        for (JsonNode p : detail.get("players")) {
            Standing s = ended.standings().stream().filter(x -> x.playerId().value().equals(p.get("playerId").asText())).findFirst().orElseThrow();
            assertThat(p.get("place").asInt()).isEqualTo(s.place());
        }

        MatchId live = history.liveMatches().get(0);
        JsonNode liveDetail = getJson("/api/matches/" + live.value());
        assertThat(liveDetail.get("codeVisible").asBoolean()).isFalse();
        assertThat(liveDetail.get("submissions").size()).isPositive();
        liveDetail.get("submissions").forEach(s -> assertThat(s.get("source").isNull()).as("no code before the end").isTrue());
        assertThat(getJson("/api/matches/live?size=100").get("total").asInt()).isEqualTo(history.liveMatches().size());

        assertThat(getJson("/api/problems").get("total").asInt()).isEqualTo(12);
        assertThat(getJson("/api/problems/it-p3").get("statementMarkdown").asText()).contains("Problem 3");
    }

    @Test
    @Order(4)
    void badInputAndUnknownIdsGetTypedErrors() {
        web.get().uri("/api/matches/no-such-match").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("MATCH_NOT_FOUND");
        web.get().uri("/api/players/nobody").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PLAYER_NOT_FOUND");
        web.get().uri("/api/clans/none/leaderboard").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CLAN_NOT_FOUND");
        web.get().uri("/api/leaderboards/CHESS").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        web.get().uri("/api/leaderboards/OVERALL?size=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        web.get().uri("/api/leaderboards/OVERALL?page=abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        web.get().uri("/api/audit/matches/nothing/replay").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("MATCH_NOT_FOUND");
        web.post().uri("/api/admin/read-models/rebuild").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        web.get().uri("/api/admin/read-models").header(AUTHORIZATION, "Bearer not.a.jwt").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        String otherKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        web.get().uri("/api/admin/read-models").header(AUTHORIZATION, "Bearer " + QueryTestSupport.accessToken(otherKey, "forger",
                java.time.Instant.now().plusSeconds(300), "ADMIN")).exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/admin/read-models").header(AUTHORIZATION, "Bearer " + QueryTestSupport.accessToken(
                QueryTestSupport.TEST_JWT_SECRET, "late-admin", java.time.Instant.now().minusSeconds(5), "ADMIN"))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/admin/read-models").header(AUTHORIZATION, QueryTestSupport.accessToken("no-bearer", "ADMIN"))
                .exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/admin/read-models/rebuild").header(AUTHORIZATION, "Bearer " + QueryTestSupport.accessToken("pleb", "PLAYER"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ADMIN_ONLY");
        assertThat(context.getBean(dev.codearena.query.admin.RebuildService.class).statusAll()).as("refused rebuilds start nothing")
                .allMatch(s -> s.state().equals("IDLE"));
        web.get().uri("/api/admin/read-models/nonsense").header(AUTHORIZATION, ADMIN).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_READ_MODEL");
        String openApi = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(openApi).contains("/api/leaderboards/{board}", "/api/audit/matches/{matchId}/replay", "/api/admin/read-models/rebuild");
    }

    @Test
    @Order(5)
    void liveViewsAreInRedisAndChangesArePublishedWithoutCode() throws Exception {
        StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
        Set<String> listed = redis.opsForZSet().range(LiveKeys.LIVE_MATCHES, 0, -1);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(history.liveMatches().stream().map(MatchId::value).toList());
        MatchId finished = history.finishedMatches().get(0);
        assertThat(redis.getExpire(LiveKeys.view(finished))).as("a finished match's view expires").isPositive();

        MatchId live = history.liveMatches().get(0); // BLITZ: one problem locked by the first player
        List<ArenaHistory.StoredEvent> ofLive = history.events().stream().filter(e -> e.aggregateId().equals(live.value())).toList();
        JsonNode view = getJson("/api/live/matches/" + live.value());
        assertThat(view.get("version").asLong()).isEqualTo(ofLive.get(ofLive.size() - 1).sequence());
        assertThat(view.get("phase").asText()).isEqualTo("RUNNING");
        assertThat(view.get("problems").get(0).get("lockedBy").asText()).isNotBlank();
        assertThat(view.get("players").get(0).get("score").asInt()).isPositive();
        assertThat(view.toString()).doesNotContain("print(");
        assertThat(getJson("/api/live/matches?size=10").get("total").asInt()).isEqualTo(history.liveMatches().size());

        List<String> received = new CopyOnWriteArrayList<>();
        Disposable subscription = context.getBean(LiveQueries.class).follow(live.value()).subscribe(received::add);
        try {
            awaitTrue("match:state first", Duration.ofSeconds(10), () -> !received.isEmpty());
            MatchCreated created = history.payloads(MatchCreated.class).stream().filter(c -> c.matchId().equals(live)).findFirst().orElseThrow();
            PlayerId player = created.players().get(1).playerId();
            SubmissionId sid = SubmissionId.of("late-" + live.value());
            long next = ofLive.get(ofLive.size() - 1).sequence() + 1;
            Instant now = Instant.parse("2026-06-01T00:00:00Z");
            String secret = "print('secret source')";
            QueryTestSupport.publish(context.getBean(EventStore.class), List.of(
                    new ArenaHistory.StoredEvent("Match", live.value(), next, new SubmissionReceived(live, sid, player,
                            created.problems().get(1).problemId(), 1, SubmissionKind.SOLUTION, Language.PYTHON3, secret, secret.length(),
                            created.problems().get(1).judge(), now), now),
                    new ArenaHistory.StoredEvent("Match", live.value(), next + 1, new SubmissionJudged(live, sid, player,
                            created.problems().get(1).problemId(), Verdict.WA, 2, 10, "wrong", secret.length(), now), now)));
            awaitTrue("verdict published", Duration.ofSeconds(20), () -> received.stream().anyMatch(m -> m.contains("match:verdict")));
            ObjectMapper json = context.getBean(ObjectMapper.class);
            List<String> types = new ArrayList<>();
            for (String message : received) {
                types.add(json.readTree(message).get("type").asText());
                assertThat(message).doesNotContain("secret source");
            }
            assertThat(types).containsSubsequence("match:state", "match:submission", "match:verdict");
            JsonNode verdict = json.readTree(received.stream().filter(m -> m.contains("match:verdict")).findFirst().orElseThrow());
            assertThat(verdict.get("payload").get("verdict").asText()).isEqualTo("WA");
            assertThat(verdict.get("payload").get("version").asLong()).isEqualTo(next + 1);
        } finally {
            subscription.dispose();
        }
        awaitCaughtUp(context, Duration.ofSeconds(30));
    }

    @Test
    @Order(6)
    void auditorReplayOfEveryMatchAgreesWithItsRecordedResult() {
        Set<MatchId> ended = history.payloads(MatchEnded.class).stream().map(MatchEnded::matchId).collect(Collectors.toSet());
        assertThat(ended).hasSizeGreaterThan(30);
        for (MatchId match : ended) {
            JsonNode replay = getJson("/api/audit/matches/" + match.value() + "/replay");
            assertThat(replay.get("agrees").asBoolean()).as(match + " " + replay.get("differences")).isTrue();
            assertThat(replay.get("recomputedStandings").size()).isPositive();
        }
        MatchId match = ended.iterator().next();
        long total = history.events().stream().filter(e -> e.aggregateId().equals(match.value())).count();
        JsonNode early = getJson("/api/audit/matches/" + match.value() + "/replay?upTo=2");
        assertThat(early.get("eventsApplied").asInt()).isEqualTo(2);
        assertThat(early.get("totalEvents").asLong()).isEqualTo(total);
        assertThat(early.get("agrees").isNull()).isTrue();

        List<Long> sequences = new ArrayList<>();
        List<String> types = new ArrayList<>();
        long from = 0;
        while (true) {
            JsonNode page = getJson("/api/audit/matches/" + match.value() + "/events?fromSequence=" + from + "&size=4");
            assertThat(page.get("totalEvents").asLong()).isEqualTo(total);
            page.get("events").forEach(e -> {
                sequences.add(e.get("sequence").asLong());
                types.add(e.get("type").asText());
                assertThat(e.get("payload").get("matchId").asText()).isEqualTo(match.value());
            });
            if (page.get("nextSequence").isNull()) {
                break;
            }
            from = page.get("nextSequence").asLong();
        }
        assertThat(sequences).containsExactlyElementsOf(java.util.stream.LongStream.range(0, total).boxed().toList());
        assertThat(types).containsExactlyElementsOf(history.events().stream().filter(e -> e.aggregateId().equals(match.value()))
                .map(e -> e.payload().getClass().getName()).toList());
    }

    @Test
    @Order(7)
    void aTamperedResultIsCaughtByTheReplay() {
        MatchEnded original = history.payloads(MatchEnded.class).stream().filter(e -> e.mode() == MatchMode.GOLF).findFirst().orElseThrow();
        List<ArenaHistory.StoredEvent> events = history.events().stream()
                .filter(e -> e.aggregateId().equals(original.matchId().value())).toList();
        MatchId forged = MatchId.of("forged-" + original.matchId().value());
        List<ArenaHistory.StoredEvent> copy = new ArrayList<>();
        for (ArenaHistory.StoredEvent e : events) {
            Object payload = e.payload() instanceof MatchEnded m ? swapTopTwo(m) : e.payload();
            copy.add(new ArenaHistory.StoredEvent("Match", forged.value(), e.sequence(), retarget(payload, forged), e.timestamp()));
        }
        QueryTestSupport.publish(context.getBean(EventStore.class), copy);
        JsonNode replay = getJson("/api/audit/matches/" + forged.value() + "/replay");
        assertThat(replay.get("agrees").asBoolean()).isFalse();
        assertThat(replay.get("differences").size()).isPositive();
        awaitCaughtUp(context, Duration.ofSeconds(30));
    }

    @Test
    @Order(8)
    void rebuildingEveryReadModelGivesIdenticalRows() {
        awaitCaughtUp(context, Duration.ofSeconds(30));
        Map<String, List<Map<String, Object>>> before = QueryTestSupport.dump(jdbc);
        StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
        Map<String, String> liveBefore = liveViews(redis);

        web.post().uri("/api/admin/read-models/rebuild").header(AUTHORIZATION, ADMIN).exchange().expectStatus().isAccepted();
        awaitTrue("rebuild done", Duration.ofSeconds(90), () -> {
            JsonNode all = getJson("/api/admin/read-models", AUTHORIZATION, ADMIN);
            for (JsonNode s : all) {
                if (!s.get("state").asText().equals("DONE")) {
                    return false;
                }
            }
            return true;
        });
        awaitCaughtUp(context, Duration.ofSeconds(30));
        JsonNode status = getJson("/api/admin/read-models/matches", AUTHORIZATION, ADMIN);
        assertThat(status.get("processedEvents").asLong()).isEqualTo(status.get("totalEvents").asLong()).isPositive();

        Map<String, List<Map<String, Object>>> after = QueryTestSupport.dump(jdbc);
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).isNotEmpty().containsExactlyElementsOf(before.get(table));
        }
        assertThat(liveViews(redis)).isEqualTo(liveBefore);
        assertRostersOf(history.matchesWith(PlayerLeft.class));
        assertThat(getJson("/api/leaderboards/OVERALL").get("items").size()).isPositive();
    }

    @Test
    @Order(9)
    void rsocketRoutesAnswerLikeRest() {
        RSocketRequester requester = context.getBean(RSocketRequester.Builder.class)
                .websocket(URI.create("ws://localhost:" + port + "/rsocket"));
        try {
            dev.codearena.api.query.ResultPage<?> page = requester.route("query.leaderboard.OVERALL")
                    .data(new dev.codearena.api.query.PageRequest(0, 3))
                    .retrieveMono(dev.codearena.api.query.ResultPage.class).block(Duration.ofSeconds(10));
            assertThat(page.items()).hasSize(3);
            assertThat(page.total()).isEqualTo(history.players().size());
            dev.codearena.api.query.ResultPage<?> clans = requester.route("query.clans.OVERALL")
                    .data(new dev.codearena.api.query.PageRequest(0, 100))
                    .retrieveMono(dev.codearena.api.query.ResultPage.class).block(Duration.ofSeconds(10));
            assertThat(clans.total()).isEqualTo(getJson("/api/clans?size=100").get("total").asLong()).isPositive();
            Throwable error = requester.route("query.match.no-such-match").retrieveMono(String.class)
                    .map(s -> (Throwable) null).onErrorResume(e -> reactor.core.publisher.Mono.just(e)).block(Duration.ofSeconds(10));
            assertThat(error).isNotNull();
            assertThat(error.getMessage()).startsWith("MATCH_NOT_FOUND");
        } finally {
            requester.dispose();
        }
    }

    private static Map<String, String> liveViews(StringRedisTemplate redis) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String id : redis.opsForZSet().range(LiveKeys.LIVE_MATCHES, 0, -1)) {
            out.put(id, redis.opsForValue().get(LiveKeys.view(MatchId.of(id))));
        }
        return out;
    }

    private static MatchEnded swapTopTwo(MatchEnded m) {
        List<Standing> standings = new ArrayList<>(m.standings());
        Standing first = standings.get(0);
        Standing second = standings.get(1);
        standings.set(0, new Standing(second.playerId(), 1, second.score(), second.decisiveAt(), second.forfeited()));
        standings.set(1, new Standing(first.playerId(), 2, first.score(), first.decisiveAt(), first.forfeited()));
        return new MatchEnded(m.matchId(), m.mode(), m.reason(), standings, m.ratingChanges(), m.endedAt());
    }

    /** The same payload for another match id (records are rebuilt through their canonical constructor). */
    private static Object retarget(Object payload, MatchId id) {
        try {
            var components = payload.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals("matchId") ? id : components[i].getAccessor().invoke(payload);
            }
            return payload.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode getJson(String uri, String... header) {
        WebTestClient.RequestHeadersSpec<?> spec = web.get().uri(uri);
        if (header.length == 2) {
            spec = spec.header(header[0], header[1]);
        }
        byte[] body = spec.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
