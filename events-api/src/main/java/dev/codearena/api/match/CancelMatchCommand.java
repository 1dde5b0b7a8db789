package dev.codearena.api.match;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin (or the lobby, before the start) cancels a match: unrated, no standings.
 */
public record CancelMatchCommand(@TargetAggregateIdentifier @NotNull MatchId matchId, @NotNull String reason) {
}
