package dev.codearena.command.matchmaking;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.wire.MatchFound;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.gateway.MatchRosters;
import dev.codearena.command.gateway.UserNotifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a matched group (from the queue or a private lobby) into a match: draws problems of rising
 * difficulty from the catalogue, sends {@code CreateMatchCommand} to the engine, records the roster
 * for room authorisation, and tells every player {@code lobby:found}.
 */
class MatchStarter {

    private final CommandGateway commands;
    private final MatchmakingLookups lookups;
    private final MatchRosters rosters;
    private final UserNotifier notifier;
    private final Clock clock;
    private final MatchQueue queue;

    MatchStarter(CommandGateway commands, MatchmakingLookups lookups, MatchRosters rosters, UserNotifier notifier,
                 Clock clock, MatchQueue queue) {
        this.commands = commands;
        this.lookups = lookups;
        this.rosters = rosters;
        this.notifier = notifier;
        this.clock = clock;
        this.queue = queue;
    }

    /** What a match is created with, before problems are drawn. */
    record Plan(MatchMode mode, Integer durationSeconds, Integer startDelaySeconds, Integer problemCount,
                Integer maxDifficulty, String lobbyCode) {
    }

    Mono<MatchFound> start(MatchId matchId, Plan plan, List<QueuedPlayer> players) {
        return Mono.fromCallable(() -> prepare(matchId, plan, players))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> Mono.fromFuture(() -> commands.<Object>send(command)).thenReturn(command))
                .flatMap(command -> Mono.fromCallable(() -> handles(players)).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(handles -> {
                    MatchFound found = new MatchFound(matchId, plan.mode(), players.stream()
                            .map(p -> new MatchFound.FoundPlayer(p.playerId(), handles.getOrDefault(p.playerId(), p.playerId()), p.rating()))
                            .toList(), plan.lobbyCode());
                    List<String> ids = players.stream().map(QueuedPlayer::playerId).toList();
                    return rosters.record(matchId.value(), ids, clock.millis())
                            .then(notifier.notify(ids, WireProtocol.FOUND, found))
                            .thenReturn(found);
                });
    }

    /**
     * A claimed group whose match could not be created: the players are free to queue again and are
     * told why with an {@code error} push (no {@code replyTo}).
     */
    Mono<Void> abandon(List<QueuedPlayer> players, Throwable cause) {
        ErrorCode code = cause instanceof CodeArenaException e ? e.code() : ErrorCode.INTERNAL_ERROR;
        String message = cause instanceof CodeArenaException e ? e.getMessage() : code.defaultMessage();
        List<String> ids = players.stream().map(QueuedPlayer::playerId).toList();
        return queue.releaseClaim(ids)
                .then(notifier.notify(ids, WireProtocol.ERROR, dev.codearena.api.wire.WireError.of(code, message)));
    }

    private CreateMatchCommand prepare(MatchId matchId, Plan plan, List<QueuedPlayer> players) {
        MatchSettings settings = settings(plan, players.size());
        int count = settings.problemCount(plan.mode());
        List<MatchmakingLookups.Candidate> candidates = new ArrayList<>(
                lookups.problems(plan.mode(), plan.maxDifficulty() == null ? Integer.MAX_VALUE : plan.maxDifficulty()));
        if (candidates.size() < count) {
            throw CodeArenaException.rule(ErrorCode.NOT_ENOUGH_PROBLEMS,
                    "The catalogue has " + candidates.size() + " problems for " + plan.mode() + "; " + count + " are needed.");
        }
        Collections.shuffle(candidates, ThreadLocalRandom.current());
        List<ProblemId> problems = candidates.subList(0, count).stream()
                .sorted(Comparator.comparingInt(MatchmakingLookups.Candidate::difficulty)
                        .thenComparing(MatchmakingLookups.Candidate::problemId))
                .map(c -> ProblemId.of(c.problemId()))
                .toList();
        List<PlayerId> roster = players.stream().map(p -> PlayerId.of(p.playerId())).toList();
        return new CreateMatchCommand(matchId, plan.mode(), settings, roster, problems);
    }

    static MatchSettings settings(Plan plan, int players) {
        MatchMode mode = plan.mode();
        MatchSettings settings = MatchSettings.defaults(mode);
        if (plan.durationSeconds() != null) {
            settings = settings.withDurationSeconds(plan.durationSeconds());
        }
        if (plan.startDelaySeconds() != null) {
            settings = settings.withStartDelaySeconds(plan.startDelaySeconds());
        }
        if (plan.problemCount() != null) {
            int n = plan.problemCount();
            if (mode == MatchMode.BLITZ) {
                List<Integer> points = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    points.add(100 * i);
                }
                settings = settings.withProblemPoints(points);
            } else if (mode == MatchMode.BATTLE_ROYALE) {
                List<Integer> defaults = settings.roundSeconds();
                List<Integer> rounds = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rounds.add(defaults.get(Math.min(i, defaults.size() - 1)));
                }
                settings = settings.withRoundSeconds(rounds);
            }
        }
        settings = settings.withPlayers(Math.min(settings.minPlayers(), players), Math.max(settings.maxPlayers(), players));
        List<String> violations = settings.violations(mode);
        if (!violations.isEmpty()) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_MATCH_SETTINGS, String.join("; ", violations));
        }
        return settings;
    }

    private Map<String, String> handles(List<QueuedPlayer> players) {
        return lookups.handles(players.stream().map(QueuedPlayer::playerId).toList());
    }
}
