package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member leaves (a leader must hand over leadership first unless alone).
 */
public record LeaveClanCommand(@TargetAggregateIdentifier @NotNull ClanId clanId, @NotNull PlayerId playerId) {
}
