package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A player gives up (also sent when a player leaves before the start).
 */
public record ForfeitMatchCommand(@TargetAggregateIdentifier @NotNull MatchId matchId, @NotNull PlayerId playerId) {
}
