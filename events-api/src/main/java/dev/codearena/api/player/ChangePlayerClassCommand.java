package dev.codearena.api.player;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A player picks another class.
 */
public record ChangePlayerClassCommand(@TargetAggregateIdentifier @NotNull PlayerId playerId, @NotNull PlayerClass playerClass) {
}
