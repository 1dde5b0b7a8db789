package dev.codearena.api.match;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the finalisation saga once every player's rating change is recorded on the Player aggregates.
 */
public record ConfirmMatchFinalisedCommand(@TargetAggregateIdentifier @NotNull MatchId matchId) {
}
