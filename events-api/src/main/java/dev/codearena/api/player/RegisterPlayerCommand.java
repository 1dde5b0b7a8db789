package dev.codearena.api.player;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates the domain side of an account (the gateway owns credentials).
 */
public record RegisterPlayerCommand(
        @TargetAggregateIdentifier @NotNull PlayerId playerId,
        @NotBlank @Size(min = 3, max = 20) String handle,
        @NotNull PlayerClass playerClass) {
}
