package dev.codearena.command.matchmaking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.player.Ratings;
import dev.codearena.api.wire.LobbySettings;
import dev.codearena.api.wire.LobbyState;
import dev.codearena.api.wire.MatchFound;
import dev.codearena.api.wire.QueueStatus;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.auth.AuthenticatedPlayer;
import dev.codearena.command.gateway.UserNotifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What players do before a match: wait in a mode's rated queue, or gather in a private lobby by
 * code whose host sets the mode and settings and starts it. The gateway's lobby channel calls this.
 */
public class Matchmaking {

    private static final Duration LOBBY_TTL = Duration.ofHours(2);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              if ARGV[2] == '' then
                redis.call('DEL', KEYS[1])
              else
                redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              end
              return 1
            end
            return 0
            """, Long.class);

    private final MatchQueue queue;
    private final MatchmakingLookups lookups;
    private final MatchStarter starter;
    private final UserNotifier notifier;
    private final ReactiveStringRedisTemplate redis;
    private final ObjectMapper mapper;
    private final Clock clock;

    Matchmaking(MatchQueue queue, MatchmakingLookups lookups, MatchStarter starter, UserNotifier notifier,
                ReactiveStringRedisTemplate redis, ObjectMapper mapper, Clock clock) {
        this.queue = queue;
        this.lookups = lookups;
        this.starter = starter;
        this.notifier = notifier;
        this.redis = redis;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Mono<QueueStatus> joinQueue(AuthenticatedPlayer player, MatchMode mode) {
        long now = clock.millis();
        String id = player.playerId().value();
        return Mono.fromCallable(() -> lookups.rating(id, mode).orElse(Ratings.INITIAL_RATING))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(rating -> queue.join(id, mode, rating, now).flatMap(joined -> joined
                        ? queue.size(mode).map(size -> new QueueStatus(mode, true, rating, Instant.ofEpochMilli(now), size))
                        : Mono.error(CodeArenaException.rule(ErrorCode.ALREADY_QUEUED))));
    }

    public Mono<QueueStatus> leaveQueue(AuthenticatedPlayer player, MatchMode mode) {
        return queue.leave(player.playerId().value(), mode)
                .then(queue.size(mode))
                .map(size -> new QueueStatus(mode, false, 0, null, size));
    }

    public Mono<LobbyState> createLobby(AuthenticatedPlayer host, MatchMode mode, LobbySettings settings) {
        String code = newCode();
        String hostId = host.playerId().value();
        LobbyState lobby = new LobbyState(code, hostId, mode, settings == null ? new LobbySettings(null, null, null, null) : settings,
                List.of(new LobbyState.Member(hostId, host.handle())), LobbyState.OPEN);
        checkSettings(lobby);
        return queue.holdForLobby(hostId, code).flatMap(held -> {
            if (!held) {
                return Mono.error(CodeArenaException.rule(ErrorCode.ALREADY_QUEUED));
            }
            return redis.opsForValue().setIfAbsent(lobbyKey(code), write(lobby), LOBBY_TTL)
                    .flatMap(created -> created ? Mono.just(lobby)
                            : queue.releaseLobbyHold(hostId, code).then(createLobby(host, mode, settings)));
        });
    }

    public Mono<LobbyState> joinLobby(AuthenticatedPlayer player, String code) {
        String id = player.playerId().value();
        return queue.holdForLobby(id, code).flatMap(held -> {
            Mono<LobbyState> update = update(code, lobby -> {
                if (lobby.members().stream().anyMatch(m -> m.playerId().equals(id))) {
                    return lobby;
                }
                if (lobby.members().size() >= maxPlayers(lobby)) {
                    throw CodeArenaException.rule(ErrorCode.LOBBY_FULL);
                }
                List<LobbyState.Member> members = new ArrayList<>(lobby.members());
                members.add(new LobbyState.Member(id, player.handle()));
                return new LobbyState(lobby.code(), lobby.hostId(), lobby.mode(), lobby.settings(), members, lobby.status());
            });
            if (!held) {
                // already waiting somewhere: allowed only if it is this very lobby (a reconnect)
                return redis.opsForValue().get(MatchQueue.holderKey(id))
                        .filter(("lobby:" + code)::equals)
                        .switchIfEmpty(Mono.error(CodeArenaException.rule(ErrorCode.ALREADY_QUEUED)))
                        .then(update);
            }
            return update.onErrorResume(e -> queue.releaseLobbyHold(id, code).then(Mono.error(e)));
        }).flatMap(this::broadcast);
    }

    public Mono<LobbyState> exitLobby(AuthenticatedPlayer player, String code) {
        String id = player.playerId().value();
        return update(code, lobby -> {
            if (lobby.hostId().equals(id)) {
                return new LobbyState(lobby.code(), lobby.hostId(), lobby.mode(), lobby.settings(), lobby.members(), LobbyState.CLOSED);
            }
            List<LobbyState.Member> members = lobby.members().stream().filter(m -> !m.playerId().equals(id)).toList();
            return new LobbyState(lobby.code(), lobby.hostId(), lobby.mode(), lobby.settings(), members, lobby.status());
        }).flatMap(lobby -> (LobbyState.CLOSED.equals(lobby.status())
                ? reactor.core.publisher.Flux.fromIterable(lobby.members())
                        .flatMap(m -> queue.releaseLobbyHold(m.playerId(), code)).then()
                : queue.releaseLobbyHold(id, code))
                .then(broadcast(lobby, id)));
    }

    public Mono<LobbyState> configureLobby(AuthenticatedPlayer player, String code, MatchMode mode, LobbySettings settings) {
        return update(code, lobby -> {
            requireHost(lobby, player);
            LobbyState next = new LobbyState(lobby.code(), lobby.hostId(), mode == null ? lobby.mode() : mode,
                    settings == null ? lobby.settings() : settings, lobby.members(), lobby.status());
            checkSettings(next);
            return next;
        }).flatMap(this::broadcast);
    }

    public Mono<MatchFound> startLobby(AuthenticatedPlayer player, String code) {
        return update(code, lobby -> {
            requireHost(lobby, player);
            int min = MatchSettings.defaults(lobby.mode()).minPlayers();
            if (lobby.members().size() < Math.min(min, 2) || lobby.members().size() < 2) {
                throw CodeArenaException.rule(ErrorCode.INVALID_ROSTER, "At least 2 players are needed to start.");
            }
            return new LobbyState(lobby.code(), lobby.hostId(), lobby.mode(), lobby.settings(), lobby.members(), LobbyState.STARTED);
        }).flatMap(lobby -> {
            LobbySettings s = lobby.settings();
            MatchStarter.Plan plan = new MatchStarter.Plan(lobby.mode(), s.durationSeconds(), null, s.problemCount(),
                    s.difficulty(), lobby.code());
            List<QueuedPlayer> players = lobby.members().stream()
                    .map(m -> new QueuedPlayer(m.playerId(), Ratings.INITIAL_RATING, clock.millis())).toList();
            return broadcast(lobby)
                    .then(starter.start(MatchId.of(UUID.randomUUID().toString()), plan, players))
                    .flatMap(found -> reactor.core.publisher.Flux.fromIterable(lobby.members())
                            .flatMap(m -> queue.releaseLobbyHold(m.playerId(), code))
                            .then(redis.delete(lobbyKey(code)))
                            .thenReturn(found))
                    .onErrorResume(e -> update(code, l -> new LobbyState(l.code(), l.hostId(), l.mode(), l.settings(),
                            l.members(), LobbyState.OPEN)).then(Mono.error(e)));
        });
    }

    private Mono<LobbyState> broadcast(LobbyState lobby) {
        return broadcast(lobby, null);
    }

    private Mono<LobbyState> broadcast(LobbyState lobby, String alsoTo) {
        List<String> ids = new ArrayList<>(lobby.members().stream().map(LobbyState.Member::playerId).toList());
        if (alsoTo != null && !ids.contains(alsoTo)) {
            ids.add(alsoTo);
        }
        return notifier.notify(ids, WireProtocol.LOBBY_UPDATE, lobby).thenReturn(lobby);
    }

    /** Read-modify-write of a lobby with compare-and-set, retried on a concurrent change. */
    private Mono<LobbyState> update(String code, Function<LobbyState, LobbyState> change) {
        return redis.opsForValue().get(lobbyKey(code))
                .switchIfEmpty(Mono.error(CodeArenaException.notFound(ErrorCode.LOBBY_NOT_FOUND, null)))
                .flatMap(current -> {
                    LobbyState lobby = read(current);
                    if (!LobbyState.OPEN.equals(lobby.status())) {
                        return Mono.error(CodeArenaException.notFound(ErrorCode.LOBBY_NOT_FOUND, "The lobby is no longer open."));
                    }
                    LobbyState next = change.apply(lobby);
                    String written = LobbyState.CLOSED.equals(next.status()) ? "" : write(next);
                    return redis.execute(COMPARE_AND_SET, List.of(lobbyKey(code)),
                                    List.of(current, written, String.valueOf(LOBBY_TTL.toMillis())))
                            .next()
                            .flatMap(ok -> ok == 1L ? Mono.just(next) : update(code, change));
                });
    }

    private static void requireHost(LobbyState lobby, AuthenticatedPlayer player) {
        if (!lobby.hostId().equals(player.playerId().value())) {
            throw CodeArenaException.rule(ErrorCode.NOT_LOBBY_HOST);
        }
    }

    private static int maxPlayers(LobbyState lobby) {
        Integer max = lobby.settings() == null ? null : lobby.settings().maxPlayers();
        return max != null ? max : MatchSettings.defaults(lobby.mode()).maxPlayers();
    }

    private static void checkSettings(LobbyState lobby) {
        LobbySettings s = lobby.settings();
        MatchStarter.settings(new MatchStarter.Plan(lobby.mode(), s.durationSeconds(), null, s.problemCount(), s.difficulty(),
                lobby.code()), Math.max(2, Math.min(maxPlayers(lobby), MatchSettings.defaults(lobby.mode()).maxPlayers())));
    }

    private static String lobbyKey(String code) {
        return "lobby:" + code;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private String write(LobbyState lobby) {
        try {
            return mapper.writeValueAsString(lobby);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LobbyState read(String json) {
        try {
            return mapper.readValue(json, LobbyState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lobby", e);
        }
    }
}
