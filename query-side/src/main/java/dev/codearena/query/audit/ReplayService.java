package dev.codearena.query.audit;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.query.ReplayResult;
import dev.codearena.query.read.Paging;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Loads a match's events from the event store and hands them to the pure {@link MatchReplayer}. */
@Service
public class ReplayService {

    private final EventStore eventStore;

    public ReplayService(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @param upTo number of events to apply; null replays all of them */
    public Mono<ReplayResult> replay(String matchId, Integer upTo) {
        MatchId id = MatchId.of(Paging.id("matchId", matchId));
        if (upTo != null && upTo < 0) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "upTo must be >= 0");
        }
        return Mono.fromCallable(() -> replayNow(id, upTo)).subscribeOn(Schedulers.boundedElastic());
    }

    ReplayResult replayNow(MatchId id, Integer upTo) {
        List<Object> events = eventStore.readEvents(id.value()).asStream()
                .filter(m -> m.getPayloadType().getPackageName().equals(MatchId.class.getPackageName()))
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
        if (events.isEmpty()) {
            throw CodeArenaException.notFound(ErrorCode.MATCH_NOT_FOUND, "no events for match " + id);
        }
        return MatchReplayer.replay(id, events, upTo == null ? events.size() : upTo);
    }
}
