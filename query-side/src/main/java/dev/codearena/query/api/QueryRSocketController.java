package dev.codearena.query.api;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.live.LiveMatchView;
import dev.codearena.api.query.ClanStanding;
import dev.codearena.api.query.ClanView;
import dev.codearena.api.query.EventStreamPage;
import dev.codearena.api.query.LeaderboardEntry;
import dev.codearena.api.query.MatchDetail;
import dev.codearena.api.query.MatchSummary;
import dev.codearena.api.query.PageRequest;
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
import io.rsocket.exceptions.ApplicationErrorException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read API over RSocket, same semantics as the REST routes (docs/query-side.md lists both). Paged
 * routes take a {@link PageRequest} payload (absent: first page of 20). Errors arrive as RSocket
 * application errors whose message starts with the {@link ErrorCode}, e.g. {@code "MATCH_NOT_FOUND: ..."}.
 * Streams: {@code live.match.{id}} (match:state, then every message) and {@code live.leaderboards}.
 */
@Controller
class QueryRSocketController {

    private static final PageRequest FIRST_PAGE = new PageRequest(0, 20);

    private final LeaderboardQueries leaderboards;
    private final PlayerQueries players;
    private final MatchQueries matches;
    private final CatalogueQueries catalogue;
    private final LiveQueries live;
    private final EventStreamQueries eventStreams;
    private final ReplayService replays;

    QueryRSocketController(LeaderboardQueries leaderboards, PlayerQueries players, MatchQueries matches,
                           CatalogueQueries catalogue, LiveQueries live, EventStreamQueries eventStreams, ReplayService replays) {
        this.leaderboards = leaderboards;
        this.players = players;
        this.matches = matches;
        this.catalogue = catalogue;
        this.live = live;
        this.eventStreams = eventStreams;
        this.replays = replays;
    }

    @MessageMapping("query.leaderboard.{board}")
    Mono<ResultPage<LeaderboardEntry>> leaderboard(@DestinationVariable String board, PageRequest page) {
        PageRequest p = page == null ? FIRST_PAGE : page;
        return leaderboards.board(board, p.page(), p.size());
    }

    @MessageMapping("query.leaderboard.{board}.player.{playerId}")
    Mono<PlayerRank> rank(@DestinationVariable String board, @DestinationVariable String playerId) {
        return leaderboards.rank(board, playerId);
    }

    @MessageMapping("query.clan.{clanId}.leaderboard.{board}")
    Mono<ResultPage<LeaderboardEntry>> clanLeaderboard(@DestinationVariable String clanId, @DestinationVariable String board,
                                                       PageRequest page) {
        PageRequest p = page == null ? FIRST_PAGE : page;
        return leaderboards.clan(clanId, board, p.page(), p.size());
    }

    @MessageMapping("query.clans.{board}")
    Mono<ResultPage<ClanStanding>> clans(@DestinationVariable String board, PageRequest page) {
        PageRequest p = page == null ? FIRST_PAGE : page;
        return leaderboards.clans("", board, p.page(), p.size());
    }

    @MessageMapping("query.player.{playerId}")
    Mono<PlayerProfile> player(@DestinationVariable String playerId) {
        return players.profile(playerId);
    }

    @MessageMapping("query.player.{playerId}.ratings.{board}")
    Mono<RatingHistory> ratingHistory(@DestinationVariable String playerId, @DestinationVariable String board) {
        return players.ratingHistory(playerId, board);
    }

    @MessageMapping("query.player.{playerId}.matches")
    Mono<ResultPage<MatchSummary>> matchHistory(@DestinationVariable String playerId, PageRequest page) {
        PageRequest p = page == null ? FIRST_PAGE : page;
        return players.matchHistory(playerId, p.page(), p.size());
    }

    @MessageMapping("query.matches.live")
    Mono<ResultPage<MatchSummary>> liveMatches(PageRequest page) {
        PageRequest p = page == null ? FIRST_PAGE : page;
        return matches.live(p.page(), p.size());
    }

    @MessageMapping("query.match.{matchId}")
    Mono<MatchDetail> match(@DestinationVariable String matchId) {
        return matches.detail(matchId);
    }

    @MessageMapping("query.clan.{clanId}")
    Mono<ClanView> clan(@DestinationVariable String clanId) {
        return catalogue.clan(clanId);
    }

    @MessageMapping("query.problems")
    Mono<ResultPage<ProblemSummary>> problems(PageRequest page) {
        PageRequest p = page == null ? FIRST_PAGE : page;
        return catalogue.problems(p.page(), p.size());
    }

    @MessageMapping("query.problem.{problemId}")
    Mono<ProblemView> problem(@DestinationVariable String problemId) {
        return catalogue.problem(problemId);
    }

    @MessageMapping("audit.match.{matchId}.events.{fromSequence}")
    Mono<EventStreamPage> events(@DestinationVariable String matchId, @DestinationVariable long fromSequence) {
        return eventStreams.stream(matchId, fromSequence, 100);
    }

    @MessageMapping("audit.match.{matchId}.replay")
    Mono<ReplayResult> replay(@DestinationVariable String matchId) {
        return replays.replay(matchId, null);
    }

    @MessageMapping("audit.match.{matchId}.replay.{upTo}")
    Mono<ReplayResult> replayUpTo(@DestinationVariable String matchId, @DestinationVariable int upTo) {
        return replays.replay(matchId, upTo);
    }

    @MessageMapping("live.view.{matchId}")
    Mono<LiveMatchView> liveView(@DestinationVariable String matchId) {
        return live.view(matchId);
    }

    @MessageMapping("live.match.{matchId}")
    Flux<String> follow(@DestinationVariable String matchId) {
        return live.follow(matchId);
    }

    @MessageMapping("live.leaderboards")
    Flux<String> leaderboardChanges() {
        return live.leaderboardChanges();
    }

    @MessageExceptionHandler(CodeArenaException.class)
    Mono<Void> refused(CodeArenaException e) {
        return Mono.error(new ApplicationErrorException(e.code() + ": " + e.getMessage()));
    }
}
