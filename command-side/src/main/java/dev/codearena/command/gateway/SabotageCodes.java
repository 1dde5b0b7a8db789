package dev.codearena.command.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The code a Sabotage player works on, read from the match's own events (its reference in
 * {@link MatchCreated}, its repair assignment in {@link RepairPhaseStarted}). The live view cannot carry
 * it: spectators read that view, and nobody may see the opponent's sabotage before phase 2.
 *
 * <p>What a match's events said is kept per match with the position it was read to; a later request
 * reads only the events appended since (none once the repair phase has started, nor for a match of
 * another mode: nothing after that changes the answer). So a player asking again and again, or both
 * players of every match at the start of a phase, costs the event store a short read each, not the
 * whole stream.
 */
final class SabotageCodes {

    private final EventStore events;
    private final Cache<MatchId, MatchCode> matches;

    SabotageCodes(EventStore events) {
        this(events, 10_000, Duration.ofHours(2));
    }

    SabotageCodes(EventStore events, int maximumMatches, Duration expireAfterAccess) {
        this.events = events;
        this.matches = Caffeine.newBuilder().maximumSize(maximumMatches).expireAfterAccess(expireAfterAccess).build();
    }

    Mono<SabotageCode> codeFor(MatchId matchId, PlayerId player) {
        return Mono.fromCallable(() -> read(matchId, player)).subscribeOn(Schedulers.boundedElastic());
    }

    private SabotageCode read(MatchId matchId, PlayerId player) {
        MatchCode match = matches.get(matchId, id -> new MatchCode());
        MatchCreated created;
        List<RepairAssignment> repairs;
        synchronized (match) {
            if (!match.settled()) {
                match.readOn(events, matchId);
            }
            created = match.created;
            repairs = match.repairs;
        }
        if (created == null) {
            matches.invalidate(matchId); // a match that does not exist yet is not remembered
            throw CodeArenaException.notFound(ErrorCode.MATCH_NOT_FOUND, "No match " + matchId + ".");
        }
        if (created.mode() != MatchMode.SABOTAGE) {
            throw CodeArenaException.rule(ErrorCode.WRONG_PHASE, "Only Sabotage matches hand out code.");
        }
        RepairAssignment repair = repairs == null ? null
                : repairs.stream().filter(a -> a.playerId().equals(player)).findFirst().orElse(null);
        MatchProblem problem = created.problems().get(0);
        return new SabotageCode(matchId, problem.problemId(), problem.sabotageReference().language(),
                problem.sabotageReference().source(), created.settings().editBudgetLines(),
                repair == null ? null : repair.source(), repair == null ? null : repair.saboteurId());
    }

    /** What one match's events said so far, and where to read on from; guarded by itself. */
    private static final class MatchCode {
        MatchCreated created;
        List<RepairAssignment> repairs;
        long nextSequence;

        /** Nothing the match appends from now on changes the answer. */
        boolean settled() {
            return repairs != null || created != null && created.mode() != MatchMode.SABOTAGE;
        }

        void readOn(EventStore events, MatchId matchId) {
            DomainEventStream stream = events.readEvents(matchId.value(), nextSequence);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                if (event.getPayload() instanceof MatchCreated c) {
                    created = c;
                } else if (event.getPayload() instanceof RepairPhaseStarted started) {
                    repairs = started.assignments();
                }
                nextSequence = event.getSequenceNumber() + 1;
            }
        }
    }
}
