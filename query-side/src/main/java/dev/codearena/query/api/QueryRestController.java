package dev.codearena.query.api;

import dev.codearena.api.live.LiveMatchView;
import dev.codearena.api.query.ClanStanding;
import dev.codearena.api.query.ClanView;
import dev.codearena.api.query.EventStreamPage;
import dev.codearena.api.query.LeaderboardEntry;
import dev.codearena.api.query.MatchDetail;
import dev.codearena.api.query.MatchSummary;
import dev.codearena.api.query.PlayerProfile;
import dev.codearena.api.query.PlayerRank;
import dev.codearena.api.query.ProblemSummary;
import dev.codearena.api.query.ProblemView;
import dev.codearena.api.query.RatingHistory;
import dev.codearena.api.query.ReplayResult;
import dev.codearena.api.query.ResultPage;
import dev.codearena.query.audit.EventStreamQueries;
import dev.codearena.query.audit.ReplayService;
import dev.codearena.query.live.LiveQueries;
import dev.codearena.query.read.CatalogueQueries;
import dev.codearena.query.read.LeaderboardQueries;
import dev.codearena.query.read.MatchQueries;
import dev.codearena.query.read.PlayerQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read API over HTTP. Errors are {@code {"code": ErrorCode, "message": ...}}: 400 for bad input
 * (VALIDATION_FAILED), 404 for an unknown id (MATCH_NOT_FOUND, PLAYER_NOT_FOUND, ...), 503 while a read
 * model is being rebuilt (READ_MODEL_REBUILDING).
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class QueryRestController {

    private final LeaderboardQueries leaderboards;
    private final PlayerQueries players;
    private final MatchQueries matches;
    private final CatalogueQueries catalogue;
    private final LiveQueries live;
    private final EventStreamQueries eventStreams;
    private final ReplayService replays;

    QueryRestController(LeaderboardQueries leaderboards, PlayerQueries players, MatchQueries matches,
                        CatalogueQueries catalogue, LiveQueries live, EventStreamQueries eventStreams, ReplayService replays) {
        this.leaderboards = leaderboards;
        this.players = players;
        this.matches = matches;
        this.catalogue = catalogue;
        this.live = live;
        this.eventStreams = eventStreams;
        this.replays = replays;
    }

    @Tag(name = "leaderboards")
    @Operation(summary = "A page of a leaderboard: OVERALL or a mode (BLITZ, GOLF, BATTLE_ROYALE, SABOTAGE)")
    @GetMapping("/leaderboards/{board}")
    Mono<ResultPage<LeaderboardEntry>> leaderboard(@PathVariable String board, @RequestParam(defaultValue = "0") int page,
                                                   @RequestParam(defaultValue = "20") int size) {
        return leaderboards.board(board, page, size);
    }

    @Tag(name = "leaderboards")
    @Operation(summary = "A player's own rank on a board")
    @GetMapping("/leaderboards/{board}/players/{playerId}")
    Mono<PlayerRank> rank(@PathVariable String board, @PathVariable String playerId) {
        return leaderboards.rank(board, playerId);
    }

    @Tag(name = "leaderboards")
    @Operation(summary = "A clan's members ranked on a board")
    @GetMapping("/clans/{clanId}/leaderboard")
    Mono<ResultPage<LeaderboardEntry>> clanLeaderboard(@PathVariable String clanId,
                                                       @RequestParam(defaultValue = "OVERALL") String board,
                                                       @RequestParam(defaultValue = "0") int page,
                                                       @RequestParam(defaultValue = "20") int size) {
        return leaderboards.clan(clanId, board, page, size);
    }

    @Tag(name = "clans")
    @Operation(summary = "Active clans ranked by their members' mean rating on a board; search by name or tag")
    @GetMapping("/clans")
    Mono<ResultPage<ClanStanding>> clans(@RequestParam(defaultValue = "") String search,
                                         @RequestParam(defaultValue = "OVERALL") String board,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size) {
        return leaderboards.clans(search, board, page, size);
    }

    @Tag(name = "players")
    @GetMapping("/players/{playerId}")
    Mono<PlayerProfile> player(@PathVariable String playerId) {
        return players.profile(playerId);
    }

    @Tag(name = "players")
    @Operation(summary = "Rating history on a board, oldest first (for charts)")
    @GetMapping("/players/{playerId}/ratings/{board}")
    Mono<RatingHistory> ratingHistory(@PathVariable String playerId, @PathVariable String board) {
        return players.ratingHistory(playerId, board);
    }

    @Tag(name = "players")
    @Operation(summary = "A player's matches, newest first")
    @GetMapping("/players/{playerId}/matches")
    Mono<ResultPage<MatchSummary>> matchHistory(@PathVariable String playerId, @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "20") int size) {
        return players.matchHistory(playerId, page, size);
    }

    @Tag(name = "matches")
    @Operation(summary = "Matches not yet ended, newest first")
    @GetMapping("/matches/live")
    Mono<ResultPage<MatchSummary>> liveMatches(@RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "20") int size) {
        return matches.live(page, size);
    }

    @Tag(name = "matches")
    @Operation(summary = "Match detail: players, problems, submissions with verdicts, standings, rating changes; "
            + "source code only after the match ended")
    @GetMapping("/matches/{matchId}")
    Mono<MatchDetail> match(@PathVariable String matchId) {
        return matches.detail(matchId);
    }

    @Tag(name = "live")
    @Operation(summary = "The spectator view of a live match (Redis)")
    @GetMapping("/live/matches/{matchId}")
    Mono<LiveMatchView> liveView(@PathVariable String matchId) {
        return live.view(matchId);
    }

    @Tag(name = "live")
    @Operation(summary = "Live matches with their spectator views, newest first")
    @GetMapping("/live/matches")
    Mono<ResultPage<LiveMatchView>> liveViews(@RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        return live.liveMatches(page, size);
    }

    @Tag(name = "live")
    @Operation(summary = "Server-sent events: match:state, then every message published for the match")
    @GetMapping(path = "/live/matches/{matchId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<String> followMatch(@PathVariable String matchId) {
        return live.follow(matchId);
    }

    @Tag(name = "live")
    @Operation(summary = "Server-sent events: which leaderboards changed")
    @GetMapping(path = "/live/leaderboards/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<String> followLeaderboards() {
        return live.leaderboardChanges();
    }

    @Tag(name = "clans")
    @GetMapping("/clans/{clanId}")
    Mono<ClanView> clan(@PathVariable String clanId) {
        return catalogue.clan(clanId);
    }

    @Tag(name = "problems")
    @GetMapping("/problems")
    Mono<ResultPage<ProblemSummary>> problems(@RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "50") int size) {
        return catalogue.problems(page, size);
    }

    @Tag(name = "problems")
    @GetMapping("/problems/{problemId}")
    Mono<ProblemView> problem(@PathVariable String problemId) {
        return catalogue.problem(problemId);
    }

    @Tag(name = "audit")
    @Operation(summary = "A match's stored events in order (type, payload, timestamp, sequence), paged by sequence")
    @GetMapping("/audit/matches/{matchId}/events")
    Mono<EventStreamPage> events(@PathVariable String matchId, @RequestParam(defaultValue = "0") long fromSequence,
                                 @RequestParam(defaultValue = "100") int size) {
        return eventStreams.stream(matchId, fromSequence, size);
    }

    @Tag(name = "audit")
    @Operation(summary = "Replay a match from its events alone (optionally only its first upTo events); "
            + "recomputed standings and rating changes next to the recorded ones, with agrees")
    @GetMapping("/audit/matches/{matchId}/replay")
    Mono<ReplayResult> replay(@PathVariable String matchId,
                              @Parameter(description = "number of events to apply; all when absent")
                              @RequestParam(required = false) Integer upTo) {
        return replays.replay(matchId, upTo);
    }
}
