package dev.codearena.command.gateway;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.RepairAssignment;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.wire.SabotageCode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The code a Sabotage player works on, read from the match's own events (its reference in
 * {@link MatchCreated}, its repair assignment in {@link RepairPhaseStarted}). The live view cannot carry
 * it: spectators read that view, and nobody may see the opponent's sabotage before phase 2.
 */
final class SabotageCodes {

    private final EventStore events;

    SabotageCodes(EventStore events) {
        this.events = events;
    }

    Mono<SabotageCode> codeFor(MatchId matchId, PlayerId player) {
        return Mono.fromCallable(() -> read(matchId, player)).subscribeOn(Schedulers.boundedElastic());
    }

    private SabotageCode read(MatchId matchId, PlayerId player) {
        MatchCreated created = null;
        RepairAssignment repair = null;
        DomainEventStream stream = events.readEvents(matchId.value());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof MatchCreated c) {
                created = c;
            } else if (event.getPayload() instanceof RepairPhaseStarted started) {
                repair = started.assignments().stream().filter(a -> a.playerId().equals(player)).findFirst().orElse(null);
            }
        }
        if (created == null) {
            throw CodeArenaException.notFound(ErrorCode.MATCH_NOT_FOUND, "No match " + matchId + ".");
        }
        if (created.mode() != MatchMode.SABOTAGE) {
            throw CodeArenaException.rule(ErrorCode.WRONG_PHASE, "Only Sabotage matches hand out code.");
        }
        MatchProblem problem = created.problems().get(0);
        return new SabotageCode(matchId, problem.problemId(), problem.sabotageReference().language(),
                problem.sabotageReference().source(), created.settings().editBudgetLines(),
                repair == null ? null : repair.source(), repair == null ? null : repair.saboteurId());
    }
}
