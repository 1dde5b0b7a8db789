package dev.codearena.command.finalisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.codearena.api.match.ConfirmMatchFinalisedCommand;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchFinalised;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.RecordMatchRatingCommand;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * After a match: the rating changes, already fixed in {@link MatchEnded} together with the standings,
 * are recorded on every Player (each applies a match once, so retries are safe); when all players
 * confirmed, the match is marked finalised and the saga ends. Commands are sent and waited for, so a
 * failure makes the event processor retry the event (the processing group propagates errors).
 */
@Saga
@ProcessingGroup(MatchFinalisationSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class MatchFinalisationSaga {

    public static final String PROCESSING_GROUP = "match-finalisation";
    static final String MATCH = "matchId";

    private MatchId matchId;
    private Set<String> awaitingPlayers = new HashSet<>();

    @StartSaga
    @SagaEventHandler(associationProperty = MATCH)
    void on(MatchEnded event, CommandGateway commands) {
        matchId = event.matchId();
        for (RatingChange change : event.ratingChanges()) {
            awaitingPlayers.add(change.playerId().value());
        }
        for (RatingChange change : event.ratingChanges()) {
            commands.sendAndWait(new RecordMatchRatingCommand(change.playerId(), event.matchId(), change));
        }
        if (awaitingPlayers.isEmpty()) {
            commands.sendAndWait(new ConfirmMatchFinalisedCommand(matchId));
        }
    }

    @SagaEventHandler(associationProperty = MATCH)
    void on(PlayerRatingChanged event, CommandGateway commands) {
        if (awaitingPlayers.remove(event.playerId().value()) && awaitingPlayers.isEmpty()) {
            commands.sendAndWait(new ConfirmMatchFinalisedCommand(matchId));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = MATCH)
    void on(MatchFinalised event) {
        // every player carries the match's rating change
    }
}
