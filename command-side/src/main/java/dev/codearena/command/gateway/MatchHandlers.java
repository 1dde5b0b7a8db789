package dev.codearena.command.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.ForfeitMatchCommand;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionOutcome;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmitSabotageCommand;
import dev.codearena.api.match.SubmitSolutionCommand;
import dev.codearena.api.wire.MatchCodeRequest;
import dev.codearena.api.wire.Ack;
import dev.codearena.api.wire.LiveMatches;
import dev.codearena.api.wire.MatchForfeit;
import dev.codearena.api.wire.MatchJoin;
import dev.codearena.api.wire.MatchLeave;
import dev.codearena.api.wire.MatchSubmit;
import dev.codearena.api.wire.SpectateJoin;
import dev.codearena.api.wire.SpectateLeave;
import dev.codearena.api.wire.SpectateList;
import dev.codearena.api.wire.SubmissionAccepted;
import dev.codearena.api.wire.WireProtocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import dev.codearena.api.live.LiveKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import reactor.core.publisher.Mono;

/**
 * The match and spectate channels. Players enter their match's rooms (the live stream and the
 * players' chat) with {@code match:join}; spectators enter the live stream and the spectators'
 * chat with {@code spectate:join}. Both get {@code match:state} once subscribed, so nothing
 * published after the state was read is missed (a change may arrive twice; views carry a version).
 */
final class MatchHandlers implements MessageHandlers {

    private static final Duration STATE_PATIENCE = Duration.ofSeconds(3);

    private final RoomHub rooms;
    private final MatchRosters rosters;
    private final LiveViews views;
    private final CommandGateway commands;
    private final Frames frames;
    private final ReactiveStringRedisTemplate redis;
    private final SabotageCodes sabotageCodes;
    private final ChatHistories chatHistories;

    MatchHandlers(RoomHub rooms, MatchRosters rosters, LiveViews views, CommandGateway commands, Frames frames,
                  ReactiveStringRedisTemplate redis, SabotageCodes sabotageCodes, ChatHistories chatHistories) {
        this.sabotageCodes = sabotageCodes;
        this.rooms = rooms;
        this.rosters = rosters;
        this.views = views;
        this.commands = commands;
        this.frames = frames;
        this.redis = redis;
        this.chatHistories = chatHistories;
    }

    @Override
    public Map<String, MessageHandler<?>> handlers() {
        Map<String, MessageHandler<?>> map = new LinkedHashMap<>();
        map.put(WireProtocol.MATCH_JOIN, MessageHandler.of(MatchJoin.class,
                (s, p) -> p.matchId() == null ? Mono.empty() : requirePlayer(s, p.matchId().value()), this::join));
        map.put(WireProtocol.MATCH_LEAVE, MessageHandler.of(MatchLeave.class, this::leave));
        map.put(WireProtocol.MATCH_SUBMIT, MessageHandler.of(MatchSubmit.class,
                (s, p) -> p.matchId() == null ? Mono.empty() : requirePlayer(s, p.matchId().value()), this::submit));
        map.put(WireProtocol.MATCH_CODE, MessageHandler.of(MatchCodeRequest.class,
                (s, p) -> p.matchId() == null ? Mono.empty() : requirePlayer(s, p.matchId().value()), this::code));
        map.put(WireProtocol.MATCH_FORFEIT, MessageHandler.of(MatchForfeit.class,
                (s, p) -> p.matchId() == null ? Mono.empty() : requirePlayer(s, p.matchId().value()), this::forfeit));
        map.put(WireProtocol.SPECTATE_JOIN, MessageHandler.of(SpectateJoin.class, this::refusePlayersOwnMatch, this::spectate));
        map.put(WireProtocol.SPECTATE_LEAVE, MessageHandler.of(SpectateLeave.class, this::stopSpectating));
        map.put(WireProtocol.SPECTATE_LIST, MessageHandler.of(SpectateList.class, this::listLive));
        return map;
    }

    private Mono<Void> requirePlayer(GatewaySession session, String matchId) {
        return rosters.isPlayer(matchId, session.playerId())
                .flatMap(player -> player ? Mono.<Void>empty() : Mono.error(CodeArenaException.rule(ErrorCode.NOT_IN_MATCH,
                        "You are not a player of this match; use spectate:join to watch it.")));
    }

    /** A player watching their own match as a spectator could read the spectators' chat about them. */
    private Mono<Void> refusePlayersOwnMatch(GatewaySession session, SpectateJoin join) {
        if (join.matchId() == null) {
            return Mono.empty(); // validation reports it
        }
        return rosters.isPlayer(join.matchId().value(), session.playerId())
                .flatMap(player -> player ? Mono.<Void>error(CodeArenaException.rule(ErrorCode.FORBIDDEN,
                        "Players cannot spectate their own match; use match:join.")) : Mono.empty());
    }

    private Mono<Void> join(GatewaySession session, String requestId, MatchJoin join) {
        String matchId = join.matchId().value();
        session.playing().add(matchId);
        return enter(session, Channels.liveMatch(matchId))
                .then(enter(session, Channels.matchPlayers(matchId)))
                .then(chatHistories.follow(dev.codearena.api.wire.ChatChannel.MATCH, matchId))
                .then(sendState(session, requestId, matchId))
                .then(chatHistories.send(session, dev.codearena.api.wire.ChatChannel.MATCH, matchId));
    }

    private Mono<Void> leave(GatewaySession session, String requestId, MatchLeave leave) {
        String matchId = leave.matchId().value();
        session.playing().remove(matchId);
        exit(session, Channels.matchPlayers(matchId));
        if (!session.spectating().contains(matchId)) {
            exit(session, Channels.liveMatch(matchId));
        }
        session.send(frames.reply(WireProtocol.ACK, requestId, new Ack("left " + matchId)));
        return Mono.empty();
    }

    private Mono<Void> spectate(GatewaySession session, String requestId, SpectateJoin join) {
        String matchId = join.matchId().value();
        Mono<Void> counted = session.spectating().add(matchId)
                ? redis.opsForValue().increment(LiveKeys.spectators(join.matchId())).then() : Mono.empty();
        return counted.then(enter(session, Channels.liveMatch(matchId)))
                .then(enter(session, Channels.matchSpectators(matchId)))
                .then(chatHistories.follow(dev.codearena.api.wire.ChatChannel.SPECTATORS, matchId))
                .then(sendState(session, requestId, matchId))
                .then(chatHistories.send(session, dev.codearena.api.wire.ChatChannel.SPECTATORS, matchId));
    }

    /** The spectator counter the query side shows in the view; called when a connection closes. */
    static Mono<Void> uncount(ReactiveStringRedisTemplate redis, String matchId) {
        return redis.opsForValue().decrement(LiveKeys.spectators(dev.codearena.api.match.MatchId.of(matchId))).then();
    }

    private Mono<Void> stopSpectating(GatewaySession session, String requestId, SpectateLeave leave) {
        String matchId = leave.matchId().value();
        boolean was = session.spectating().remove(matchId);
        exit(session, Channels.matchSpectators(matchId));
        if (!session.playing().contains(matchId)) {
            exit(session, Channels.liveMatch(matchId));
        }
        return (was ? uncount(redis, matchId) : Mono.<Void>empty())
                .then(Mono.fromRunnable(() -> session.send(frames.reply(WireProtocol.ACK, requestId, new Ack("stopped watching " + matchId)))));
    }

    private Mono<Void> listLive(GatewaySession session, String requestId, SpectateList list) {
        return redis.opsForZSet().reverseRange(LiveKeys.LIVE_MATCHES, org.springframework.data.domain.Range.closed(0L, 199L))
                .collectList()
                .flatMap(ids -> views.views(ids).map(found -> {
                    List<String> live = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        String view = found.get(i);
                        if (view != null && !MatchClock.hasEnded(frames.mapper(), view)) {
                            live.add(ids.get(i));
                        }
                    }
                    return live;
                }))
                .doOnNext(live -> session.send(frames.reply(WireProtocol.LIVE_MATCHES, requestId, new LiveMatches(live))))
                .then();
    }

    private Mono<Void> sendState(GatewaySession session, String requestId, String matchId) {
        return views.awaitView(matchId, STATE_PATIENCE)
                .doOnNext(view -> session.send(frames.replyRaw(WireProtocol.MATCH_STATE, requestId, view)))
                .switchIfEmpty(Mono.error(() -> CodeArenaException.notFound(ErrorCode.MATCH_NOT_FOUND,
                        "No live view of match " + matchId + " (it may not exist or has been archived).")))
                .then();
    }

    private Mono<Void> submit(GatewaySession session, String requestId, MatchSubmit submit) {
        if (submit.code().getBytes(StandardCharsets.UTF_8).length > MatchSettings.MAX_SOURCE_BYTES_LIMIT) {
            return Mono.error(CodeArenaException.invalid(ErrorCode.SOURCE_TOO_LARGE, "Sources are limited to 64 KB of UTF-8."));
        }
        SubmissionId submissionId = SubmissionId.of(submit.submissionId() == null
                ? UUID.randomUUID().toString()
                : idempotentId(session.playerId(), submit.matchId().value(), submit.submissionId()));
        Object command = submit.kindOrDefault() == SubmissionKind.SABOTAGE_VALIDATION
                ? new SubmitSabotageCommand(submit.matchId(), submissionId, session.player().playerId(), submit.code())
                : new SubmitSolutionCommand(submit.matchId(), submissionId,
                session.player().playerId(), submit.problemId(), submit.language(), submit.code());
        return Mono.fromFuture(() -> commands.<SubmissionOutcome>send(command))
                .flatMap(outcome -> {
                    if (outcome.accepted()) {
                        session.send(frames.reply(WireProtocol.MATCH_SUBMITTED, requestId,
                                new SubmissionAccepted(submissionId, submit.matchId(), submit.problemId())));
                        return Mono.<Void>empty();
                    }
                    ErrorCode refusal = outcome.refusal() == null ? ErrorCode.VALIDATION_FAILED : outcome.refusal();
                    return Mono.error(CodeArenaException.rule(refusal,
                            outcome.detail() == null ? refusal.defaultMessage() : outcome.detail()));
                });
    }

    private Mono<Void> code(GatewaySession session, String requestId, MatchCodeRequest request) {
        return sabotageCodes.codeFor(request.matchId(), session.player().playerId())
                .doOnNext(code -> session.send(frames.reply(WireProtocol.MATCH_CODE, requestId, code)))
                .then();
    }

    private Mono<Void> forfeit(GatewaySession session, String requestId, MatchForfeit forfeit) {
        return Mono.fromFuture(() -> commands.send(new ForfeitMatchCommand(forfeit.matchId(), session.player().playerId())))
                .then(Mono.fromRunnable(() -> session.send(frames.reply(WireProtocol.ACK, requestId, new Ack("forfeited")))));
    }

    private Mono<Void> enter(GatewaySession session, String channel) {
        if (session.rooms().add(channel)) {
            return rooms.join(channel, session);
        }
        return Mono.empty();
    }

    private void exit(GatewaySession session, String channel) {
        if (session.rooms().remove(channel)) {
            rooms.leave(channel, session);
        }
    }

    /** The client's idempotency key, made unique per player and match and not guessable by others. */
    static String idempotentId(String playerId, String matchId, String clientKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((playerId + '\n' + matchId + '\n' + clientKey).getBytes(StandardCharsets.UTF_8));
            return "sub-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }
}
