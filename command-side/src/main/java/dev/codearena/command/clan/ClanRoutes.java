package dev.codearena.command.clan;

import dev.codearena.api.clan.ChangeClanRoleCommand;
import dev.codearena.api.clan.ChangeClanRoleRequest;
import dev.codearena.api.clan.ClanId;
import dev.codearena.api.clan.CreateClanCommand;
import dev.codearena.api.clan.CreateClanRequest;
import dev.codearena.api.clan.DisbandClanCommand;
import dev.codearena.api.clan.InviteToClanCommand;
import dev.codearena.api.clan.InviteToClanRequest;
import dev.codearena.api.clan.JoinClanCommand;
import dev.codearena.api.clan.LeaveClanCommand;
import dev.codearena.api.clan.RemoveClanMemberCommand;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerId;
import dev.codearena.command.auth.AuthenticatedPlayer;
import dev.codearena.command.http.RestSupport;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/clans/**} (POST, PUT, DELETE) and {@code GET /api/me/clan}: the signed-in player drives
 * the Clan aggregate. Reads of clan pages and leaderboards are the query side's ({@code GET /api/clans...}).
 */
class ClanRoutes {

    private final CommandGateway commands;
    private final ClanMembershipLookup lookup;
    private final RestSupport rest;

    ClanRoutes(CommandGateway commands, ClanMembershipLookup lookup, RestSupport rest) {
        this.commands = commands;
        this.lookup = lookup;
        this.rest = rest;
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return rest.caller(request).zipWith(rest.body(request, CreateClanRequest.class))
                .flatMap(t -> {
                    CreateClanCommand command = rest.valid(new CreateClanCommand(ClanId.of(UUID.randomUUID().toString()),
                            t.getT2().name(), t.getT2().tag(), t.getT1().playerId()));
                    return send(command).then(ServerResponse.status(HttpStatus.CREATED)
                            .bodyValue(Map.of("clanId", command.clanId().value())));
                })
                .onErrorResume(ClanRoutes::error);
    }

    Mono<ServerResponse> invite(ServerRequest request) {
        return rest.caller(request).zipWith(rest.body(request, InviteToClanRequest.class))
                .flatMap(t -> Mono.fromCallable(() -> lookup.playerByHandle(t.getT2().handle())
                                .orElseThrow(() -> CodeArenaException.notFound(ErrorCode.PLAYER_NOT_FOUND, "no player " + t.getT2().handle())))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(invitee -> send(new InviteToClanCommand(clanId(request), t.getT1().playerId(), invitee))))
                .then(ServerResponse.noContent().build())
                .onErrorResume(ClanRoutes::error);
    }

    Mono<ServerResponse> join(ServerRequest request) {
        return command(request, player -> new JoinClanCommand(clanId(request), player.playerId()));
    }

    Mono<ServerResponse> leave(ServerRequest request) {
        return command(request, player -> new LeaveClanCommand(clanId(request), player.playerId()));
    }

    Mono<ServerResponse> changeRole(ServerRequest request) {
        return rest.caller(request).zipWith(rest.body(request, ChangeClanRoleRequest.class))
                .flatMap(t -> send(new ChangeClanRoleCommand(clanId(request), t.getT1().playerId(), member(request), t.getT2().role())))
                .then(ServerResponse.noContent().build())
                .onErrorResume(ClanRoutes::error);
    }

    Mono<ServerResponse> remove(ServerRequest request) {
        return command(request, player -> new RemoveClanMemberCommand(clanId(request), player.playerId(), member(request)));
    }

    Mono<ServerResponse> disband(ServerRequest request) {
        return command(request, player -> new DisbandClanCommand(clanId(request), player.playerId()));
    }

    Mono<ServerResponse> mine(ServerRequest request) {
        return rest.caller(request)
                .flatMap(player -> Mono.fromCallable(() -> lookup.of(player.playerId())).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(clan -> ServerResponse.ok().bodyValue(clan))
                .onErrorResume(ClanRoutes::error);
    }

    private Mono<ServerResponse> command(ServerRequest request, Function<AuthenticatedPlayer, Object> command) {
        return rest.caller(request)
                .flatMap(player -> send(command.apply(player)))
                .then(ServerResponse.noContent().build())
                .onErrorResume(ClanRoutes::error);
    }

    private Mono<Object> send(Object command) {
        rest.valid(command);
        // the local command bus runs the handler (JDBC) on the calling thread: keep it off the event loop
        return Mono.fromFuture(() -> commands.send(command)).subscribeOn(Schedulers.boundedElastic());
    }

    private static ClanId clanId(ServerRequest request) {
        return parse(() -> ClanId.of(request.pathVariable("clanId")));
    }

    private static PlayerId member(ServerRequest request) {
        return parse(() -> PlayerId.of(request.pathVariable("playerId")));
    }

    private static <T> T parse(java.util.function.Supplier<T> id) {
        try {
            return id.get();
        } catch (IllegalArgumentException e) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
    }

    static Mono<ServerResponse> error(Throwable failure) {
        return RestSupport.error(failure, cause -> {
            if (RestSupport.isMissingAggregate(cause)) {
                return CodeArenaException.notFound(ErrorCode.CLAN_NOT_FOUND, null);
            }
            // lost a race past the handler's check: clan_membership's primary key refused the second clan
            // (JdbcTemplate's translation; an event store collision is a ConcurrencyException, not this)
            if (cause instanceof DuplicateKeyException) {
                return CodeArenaException.rule(ErrorCode.ALREADY_IN_CLAN, null);
            }
            return null;
        });
    }
}
