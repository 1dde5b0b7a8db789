package dev.codearena.api.player;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.RatingChange;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the finalisation saga: apply this match's rating change to the player (once per match).
 */
public record RecordMatchRatingCommand(@TargetAggregateIdentifier @NotNull PlayerId playerId, @NotNull MatchId matchId, @NotNull RatingChange change) {
}
